package org.openvrm.account.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Stops a password sign-in before it is checked when the throttle says to wait. */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = throttle.tryAttempt(request.getParameter("username"), request.getRemoteAddr());
		if (wait.isPresent()) {
			long seconds = Math.max(1, wait.get().toSeconds());
			response.setHeader("Retry-After", String.valueOf(seconds));
			response.sendRedirect("/login?throttled=" + seconds);
			return;
		}
		chain.doFilter(request, response);
	}

}
