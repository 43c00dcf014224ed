package org.openvrm.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrm.account.AccountKind;
import org.openvrm.account.SignedInAccount;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeFilterUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final SessionLifetimeFilter filter = new SessionLifetimeFilter(Duration.ofHours(12),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void notesWhenAndWhereASessionSignedIn() throws Exception {
		MockHttpSession session = signedInSession();
		MockHttpServletRequest request = request(session);
		request.addHeader("User-Agent",
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36");

		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(session.getAttribute(SessionLifetimeFilter.SIGNED_IN_AT)).isEqualTo(NOW);
		assertThat(session.getAttribute(SessionLifetimeFilter.CLIENT)).isEqualTo("Chrome on Linux");
	}

	@Test
	void endsASessionOlderThanTheAbsoluteLifetimeHoweverActive() throws Exception {
		MockHttpSession session = signedInSession();
		session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, NOW.minus(Duration.ofHours(12)).minusSeconds(1));

		filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void keepsAYoungerSession() throws Exception {
		MockHttpSession session = signedInSession();
		session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, NOW.minus(Duration.ofHours(11)));

		filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

		assertThat(session.isInvalid()).isFalse();
	}

	private static MockHttpSession signedInSession() {
		SignedInAccount account = new SignedInAccount(UUID.randomUUID(), "a@example.org", "A", AccountKind.PERSON,
				null);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		return new MockHttpSession();
	}

	private static MockHttpServletRequest request(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
		request.setSession(session);
		return request;
	}

}
