package org.openvrm.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.openvrm.account.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when and from where a session signed in (shown on the sessions page) and ends it
 * once it is older than the absolute lifetime, however active it has been. The idle
 * timeout is the session store's own.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "openvrm.signedInAt";

	static final String CLIENT = "openvrm.client";

	static final String ADDRESS = "openvrm.address";

	private final Duration absoluteLifetime;

	private final Clock clock;

	SessionLifetimeFilter(Duration absoluteLifetime, Clock clock) {
		this.absoluteLifetime = absoluteLifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInAccount) {
			Instant now = clock.instant();
			Object signedInAt = session.getAttribute(SIGNED_IN_AT);
			if (signedInAt == null) {
				session.setAttribute(SIGNED_IN_AT, now);
				session.setAttribute(CLIENT, client(request.getHeader("User-Agent")));
				session.setAttribute(ADDRESS, request.getRemoteAddr());
			}
			else if (now.isAfter(((Instant) signedInAt).plus(absoluteLifetime))) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * A short, human description of the browser, not the whole fingerprintable header.
	 */
	static String client(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "unknown client";
		}
		String browser = userAgent.contains("Firefox/") ? "Firefox" : userAgent.contains("Edg/") ? "Edge"
				: userAgent.contains("Chrome/") ? "Chrome" : userAgent.contains("Safari/") ? "Safari" : null;
		String system = userAgent.contains("Android") ? "Android"
				: userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
						: userAgent.contains("Windows") ? "Windows"
								: userAgent.contains("Mac OS") ? "macOS" : userAgent.contains("Linux") ? "Linux" : null;
		if (browser == null && system == null) {
			return userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
		}
		return (browser == null ? "browser" : browser) + (system == null ? "" : " on " + system);
	}

}
