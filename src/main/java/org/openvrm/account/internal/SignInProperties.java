package org.openvrm.account.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed sign-ins are slowed and refused; see docs/accounts.md. Each counter
 * (one per account, one per client address) forgets its failures {@code lockDuration}
 * after the last one.
 */
@ConfigurationProperties("openvrm.sign-in")
public record SignInProperties(int slowAfterFailures, int lockAfterFailures, int addressLockAfterFailures,
		Duration lockDuration, Duration maxDelay) {
}
