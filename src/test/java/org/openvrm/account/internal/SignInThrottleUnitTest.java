package org.openvrm.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleUnitTest {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = new SignInThrottle(new AccountProperties(
			new AccountProperties.SignIn(3, 10, 50, Duration.ofMinutes(15), Duration.ofSeconds(60)), null, null, null),
			clock);

	@Test
	void theFirstFailuresCostNothing() {
		fail("ann@example.org", 2);
		assertThat(throttle.waitBefore("ann@example.org", "10.0.0.1")).isEmpty();
	}

	@Test
	void afterThreeFailuresEachAttemptWaitsTwiceAsLong() {
		fail("ann@example.org", 3);
		assertThat(throttle.waitBefore("ann@example.org", "10.0.0.2")).contains(Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(throttle.waitBefore("ANN@example.org ", "10.0.0.2")).isEmpty();

		fail("ann@example.org", 2);
		assertThat(throttle.waitBefore("ann@example.org", "10.0.0.3")).contains(Duration.ofSeconds(4));
	}

	@Test
	void theDelayIsCappedThenTheAccountIsLockedAndFinallyForgiven() {
		fail("bob@example.org", 9);
		assertThat(throttle.waitBefore("bob@example.org", "10.0.0.1")).contains(Duration.ofSeconds(60));
		fail("bob@example.org", 1);
		assertThat(throttle.waitBefore("bob@example.org", "10.0.0.1")).contains(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(15));
		assertThat(throttle.waitBefore("bob@example.org", "10.0.0.1")).isEmpty();
		fail("bob@example.org", 1);
		assertThat(throttle.waitBefore("bob@example.org", "10.0.0.1")).as("counting starts again").isEmpty();
	}

	@Test
	void anAddressTryingManyAccountsIsLockedButNotSlowed() {
		for (int i = 0; i < 49; i++) {
			assertThat(throttle.tryAttempt("user" + i + "@example.org", "192.0.2.7")).isEmpty();
		}
		assertThat(throttle.waitBefore("someone@example.org", "192.0.2.7")).isEmpty();
		assertThat(throttle.tryAttempt("user49@example.org", "192.0.2.7")).isEmpty();
		assertThat(throttle.waitBefore("someone@example.org", "192.0.2.7")).contains(Duration.ofMinutes(15));
		assertThat(throttle.waitBefore("someone@example.org", "192.0.2.8")).isEmpty();
	}

	@Test
	void successClearsTheAccountCounter() {
		fail("cy@example.org", 5);
		throttle.succeeded("cy@example.org", "10.0.0.1");
		assertThat(throttle.waitBefore("cy@example.org", "10.9.9.9")).isEmpty();
	}

	@Test
	void anAttemptCountsBeforeThePasswordIsCheckedSoParallelAttemptsCannotAllPass() {
		assertThat(throttle.tryAttempt("dee@example.org", "10.0.0.5")).isEmpty();
		assertThat(throttle.tryAttempt("dee@example.org", "10.0.0.5")).isEmpty();
		assertThat(throttle.tryAttempt("dee@example.org", "10.0.0.5")).isEmpty();
		assertThat(throttle.tryAttempt("dee@example.org", "10.0.0.5")).as("the fourth waits, even unanswered")
			.isPresent();
	}

	@Test
	void aSuccessfulAttemptDoesNotCountAgainstTheAddress() {
		for (int i = 0; i < 60; i++) {
			assertThat(throttle.tryAttempt("eve" + i + "@example.org", "192.0.2.9")).isEmpty();
			throttle.succeeded("eve" + i + "@example.org", "192.0.2.9");
		}
		assertThat(throttle.waitBefore("someone@example.org", "192.0.2.9")).isEmpty();
	}

	private void fail(String email, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(email, "10.0.0.1");
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T10:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
