package org.openvrm.platform;

import java.time.Duration;

/** The wait before the next attempt of something sent again until it is taken. */
public final class BackOff {

	private BackOff() {
	}

	/**
	 * {@code first} after the first attempt, doubling after each one, never over
	 * {@code longest}.
	 */
	public static Duration doubling(Duration first, int attempts, Duration longest) {
		Duration wait = first.multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(longest) > 0 ? longest : wait;
	}

}
