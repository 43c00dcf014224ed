package org.openvrm.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows, then refuses, sign-in attempts after repeated failures: per account (guessing
 * one person's password) and per client address (trying many accounts). After
 * {@code slowAfterFailures} failures on an account each further attempt must wait twice
 * as long as the last (1 s, 2 s, 4 s … up to {@code maxDelay}); after
 * {@code lockAfterFailures} the account is refused for {@code lockDuration}. An address
 * is not slowed (many people share one behind NAT) but is refused for
 * {@code lockDuration} after {@code addressLockAfterFailures}. Refused attempts are not
 * counted, so waiting is always enough.
 *
 * <p>
 * Counters are kept in this node's memory: behind a load balancer each node throttles on
 * its own, which multiplies the attempts an attacker gets by the number of nodes at most.
 */
@Component
public class SignInThrottle {

	private static final int MAX_TRACKED = 100_000;

	private final AccountProperties.SignIn properties;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	SignInThrottle(AccountProperties properties, Clock clock) {
		this.properties = properties.signIn();
		this.clock = clock;
	}

	/**
	 * Admits a sign-in attempt or says how long to wait. An admitted attempt counts as a
	 * failure at once, before the password is checked, so that parallel attempts cannot
	 * all slip through; {@link #succeeded} takes it back.
	 */
	public synchronized Optional<Duration> tryAttempt(String email, String address) {
		Optional<Duration> wait = waitBefore(email, address);
		if (wait.isEmpty()) {
			failed(email, address);
		}
		return wait;
	}

	/**
	 * How long the caller must wait before this attempt may be tried; empty when it may
	 * go ahead.
	 */
	public Optional<Duration> waitBefore(String email, String address) {
		Instant now = clock.instant();
		Duration forAccount = wait(accountKey(email), properties.slowAfterFailures(), properties.lockAfterFailures(),
				now);
		Duration forAddress = wait(addressKey(address), Integer.MAX_VALUE, properties.addressLockAfterFailures(), now);
		Duration longest = forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
		return longest.isZero() ? Optional.empty() : Optional.of(longest);
	}

	synchronized void failed(String email, String address) {
		Instant now = clock.instant();
		forgetStaleEntries(now);
		failures.merge(accountKey(email), new Failures(1, now), (old, one) -> old.plusOne(now, stale(old, now)));
		failures.merge(addressKey(address), new Failures(1, now), (old, one) -> old.plusOne(now, stale(old, now)));
	}

	/**
	 * A correct password clears the account's counter and takes back the address's count
	 * of it.
	 */
	public synchronized void succeeded(String email, String address) {
		failures.remove(accountKey(email));
		failures.computeIfPresent(addressKey(address),
				(key, entry) -> entry.count() <= 1 ? null : new Failures(entry.count() - 1, entry.last()));
	}

	private Duration wait(String key, int slowAfter, int lockAfter, Instant now) {
		Failures entry = failures.get(key);
		if (entry == null || stale(entry, now)) {
			return Duration.ZERO;
		}
		Instant allowedAt;
		if (entry.count() >= lockAfter) {
			allowedAt = entry.last().plus(properties.lockDuration());
		}
		else if (entry.count() >= slowAfter) {
			allowedAt = entry.last().plus(delayAfter(entry.count()));
		}
		else {
			return Duration.ZERO;
		}
		return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
	}

	private Duration delayAfter(int count) {
		int doublings = Math.min(30, count - properties.slowAfterFailures());
		Duration delay = Duration.ofSeconds(1L << doublings);
		return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
	}

	private boolean stale(Failures entry, Instant now) {
		return !now.isBefore(entry.last().plus(properties.lockDuration()));
	}

	private void forgetStaleEntries(Instant now) {
		if (failures.size() > MAX_TRACKED) {
			failures.values().removeIf(entry -> stale(entry, now));
		}
	}

	private static String accountKey(String email) {
		return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Failures(int count, Instant last) {

		Failures plusOne(Instant now, boolean startAgain) {
			return new Failures(startAgain ? 1 : count + 1, now);
		}
	}

}
