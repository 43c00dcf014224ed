package org.openvrm.platform;

import java.time.Duration;

/**
 * Refused for now because of a rate or throttle; the caller may retry after
 * {@code retryAfter}.
 */
public class TooManyRequests extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequests(String reason, Duration retryAfter) {
		super(reason);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
