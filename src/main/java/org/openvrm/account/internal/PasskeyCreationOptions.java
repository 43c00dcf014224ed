package org.openvrm.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Holds the options of a passkey registration in progress between its two requests.
 * Spring Security keeps them in the HTTP session, but they are not serializable and our
 * sessions live in the database; so they stay in this node's memory for at most five
 * minutes. Behind a load balancer the two requests of one registration must reach the
 * same node (a retry usually does).
 */
class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final int MAX_PENDING = 10_000;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Clock clock;

	PasskeyCreationOptions(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		String session = request.getSession().getId();
		if (options == null) {
			pending.remove(session);
			return;
		}
		Instant now = clock.instant();
		if (pending.size() >= MAX_PENDING) {
			pending.values().removeIf(entry -> entry.expired(now));
		}
		pending.put(session, new Pending(options, now.plus(LIFETIME)));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		if (request.getSession(false) == null) {
			return null;
		}
		Pending entry = pending.get(request.getSession(false).getId());
		return entry == null || entry.expired(clock.instant()) ? null : entry.options();
	}

	private record Pending(PublicKeyCredentialCreationOptions options, Instant expiresAt) {

		boolean expired(Instant now) {
			return !now.isBefore(expiresAt);
		}
	}

}
