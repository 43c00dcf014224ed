package org.openvrm.market.internal;

import org.springframework.http.HttpStatus;

/**
 * A message refused, answered with Beckn's NACK: the HTTP status, the error code of
 * BECKN-005 and a message for the sender's logs.
 *
 * @param status the HTTP status of the answer
 * @param code the Beckn error code ("30000" invalid request, "40001" action not
 * applicable, …)
 * @param path the JSON path at fault, for a message that fails validation
 */
public final class Nack extends RuntimeException {

	/** Beckn's generic invalid request error. */
	public static final String INVALID_REQUEST = "30000";

	/** The action is not served by this participant. */
	public static final String NOT_APPLICABLE = "40001";

	private final HttpStatus status;

	private final String code;

	private final String path;

	public Nack(HttpStatus status, String code, String message, String path) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.path = path;
	}

	static Nack invalid(String message, String path) {
		return new Nack(HttpStatus.BAD_REQUEST, INVALID_REQUEST, message, path);
	}

	/** A message over the size limit, refused before it is read. */
	public static Nack tooLarge(int limit) {
		return new Nack(HttpStatus.CONTENT_TOO_LARGE, INVALID_REQUEST, "messages are limited to " + limit + " bytes",
				null);
	}

	static Nack unauthorized(String message) {
		return new Nack(HttpStatus.UNAUTHORIZED, INVALID_REQUEST, message, null);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String path() {
		return path;
	}

}
