package org.openvrm.account.internal;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account module's settings ({@code openvrm.sign-in.*}, {@code openvrm.session.*},
 * {@code openvrm.operator.*}, {@code openvrm.webauthn.*}); those with an environment
 * variable have their default in {@code application.properties}.
 *
 * @param signIn how repeated failed sign-ins are slowed and refused
 * @param session how long a session lives
 * @param operator how the first operator is created
 * @param webauthn the passkey relying party
 */
@ConfigurationProperties("openvrm")
public record AccountProperties(SignIn signIn, Session session, @DefaultValue Operator operator, Webauthn webauthn) {

	/**
	 * How repeated failed sign-ins are slowed and refused; see docs/accounts.md. Each
	 * counter (one per account, one per client address) forgets its failures
	 * {@code lockDuration} after the last one.
	 */
	public record SignIn(int slowAfterFailures, int lockAfterFailures, int addressLockAfterFailures,
			Duration lockDuration, Duration maxDelay) {
	}

	/**
	 * @param absoluteLifetime how long a session lives however active it is
	 * ({@code OPENVRM_SESSION_ABSOLUTE_LIFETIME})
	 */
	public record Session(Duration absoluteLifetime) {
	}

	/**
	 * @param setupCode the one-time setup code, at least 20 characters; empty for one the
	 * hub makes ({@code OPENVRM_OPERATOR_SETUP_CODE})
	 */
	public record Operator(@DefaultValue("") String setupCode) {
	}

	/**
	 * @param rpId the relying party id, the hub's host name
	 * ({@code OPENVRM_WEBAUTHN_RP_ID})
	 * @param allowedOrigins the origins passkeys may be used from
	 * ({@code OPENVRM_WEBAUTHN_ORIGINS})
	 */
	public record Webauthn(String rpId, Set<String> allowedOrigins) {
	}

}
