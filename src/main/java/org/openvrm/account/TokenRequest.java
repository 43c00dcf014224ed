package org.openvrm.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a request authenticated by a personal access token carries, for this request only
 * (never stored or logged): the token's id and the token itself, which opens what was
 * keyed to it.
 */
public final class TokenRequest {

	public static final String ID = "openvrm.token.id";

	public static final String SECRET = "openvrm.token.secret";

	private TokenRequest() {
	}

	public record Presented(UUID id, String secret) {

		@Override
		public String toString() {
			return "Presented[" + id + "]";
		}
	}

	/**
	 * True when a personal access token, not a signed-in browser, authenticated this
	 * request.
	 */
	public static boolean isPresent(HttpServletRequest request) {
		return of(request).isPresent();
	}

	public static Optional<Presented> of(HttpServletRequest request) {
		Object id = request.getAttribute(ID);
		Object secret = request.getAttribute(SECRET);
		return id instanceof UUID tokenId && secret instanceof String value ? Optional.of(new Presented(tokenId, value))
				: Optional.empty();
	}

}
