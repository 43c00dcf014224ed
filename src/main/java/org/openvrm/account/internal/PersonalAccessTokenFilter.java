package org.openvrm.account.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.account.SignedInAccount;
import org.openvrm.account.TokenRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/v1/me/**} (and {@code /api/v1/ratings/**}) requests that
 * carry a personal access token. The authentication lasts for this request only: no
 * session is created or touched.
 */
public class PersonalAccessTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final PersonalAccessTokens tokens;

	private final ProblemResponses problems;

	PersonalAccessTokenFilter(PersonalAccessTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& (request.getServletPath().startsWith("/api/v1/me")
						|| request.getServletPath().startsWith("/api/v1/ratings/"));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !carriesToken(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader("Authorization").substring(BEARER.length()).strip();
		Optional<PersonalAccessTokens.Authenticated> authenticated = tokens.authenticate(token);
		if (authenticated.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			problems.write(response, HttpStatus.UNAUTHORIZED, "The access token is unknown, expired or revoked.");
			return;
		}
		SignedInAccount account = authenticated.get().account();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		request.setAttribute(TokenRequest.ID, authenticated.get().tokenId());
		request.setAttribute(TokenRequest.SECRET, token);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
