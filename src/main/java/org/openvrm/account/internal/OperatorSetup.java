package org.openvrm.account.internal;

import java.net.URI;
import java.time.Clock;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first operator account is created with a one-time setup code, never a default
 * password. While no operator exists, every start issues a code (or takes the one in
 * {@code OPENVRM_OPERATOR_SETUP_CODE}) and logs where to use it; the code works once.
 */
@Service
public class OperatorSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OperatorSetup.class);

	private static final int MIN_CONFIGURED_LENGTH = 20;

	private final OperatorSetupRepository repository;

	private final Accounts accounts;

	private final Clock clock;

	private final String configuredCode;

	private final String baseUrl;

	private final Environment environment;

	OperatorSetup(OperatorSetupRepository repository, Accounts accounts, Clock clock, AccountProperties properties,
			PlatformProperties platform, Environment environment) {
		this.environment = environment;
		this.repository = repository;
		this.accounts = accounts;
		this.clock = clock;
		this.configuredCode = properties.operator().setupCode();
		this.baseUrl = platform.baseUrl();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count(AccountKind.OPERATOR) > 0) {
			return;
		}
		boolean configured = configuredCode != null && !configuredCode.isBlank();
		if (configured && configuredCode.strip().length() < MIN_CONFIGURED_LENGTH) {
			throw new IllegalStateException(
					"OPENVRM_OPERATOR_SETUP_CODE must have at least " + MIN_CONFIGURED_LENGTH + " characters");
		}
		String code = configured ? configuredCode.strip() : Secrets.newSecret("");
		repository.insert(Secrets.hash(code), clock.instant());
		// Only the default is corrected: a base URL the operator set (a proxy, a mapped
		// port) is theirs.
		boolean configuredUrl = environment.getProperty("OPENVRM_BASE_URL") != null;
		String link = configuredUrl ? baseUrl
				: linkBase(baseUrl, environment.getProperty("local.server.port", Integer.class));
		if (configured) {
			log.warn("No operator account yet. Create it at {}/setup with the code in OPENVRM_OPERATOR_SETUP_CODE.",
					link);
		}
		else {
			// The one secret this hub ever logs, on purpose: it works once, and only
			// until an operator exists.
			log.warn("No operator account yet. Create it once, at {}/setup#{}", link, code);
		}
	}

	/**
	 * The base URL for the set-up link when OPENVRM_BASE_URL is not set: the default,
	 * except that a local address gets the port the hub really listens on
	 * (http://localhost:8080 is wrong when SERVER_PORT is another).
	 */
	static String linkBase(String baseUrl, Integer listening) {
		URI uri;
		try {
			uri = URI.create(baseUrl);
		}
		catch (IllegalArgumentException malformed) {
			return baseUrl;
		}
		boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
		if (!local || listening == null || listening <= 0 || uri.getPort() == listening) {
			return baseUrl;
		}
		return uri.getScheme() + "://" + uri.getHost() + ":" + listening
				+ (uri.getRawPath() == null ? "" : uri.getRawPath());
	}

	/** Uses the code to create the operator; a wrong or used code changes nothing. */
	@Transactional
	public Account createOperator(String code, NewAccount request) {
		boolean claimed = code != null && repository.markUsed(Secrets.hash(code.strip()), clock.instant());
		if (!claimed) {
			throw new InvalidInput("code", "setup.code.invalid");
		}
		Account operator = accounts.register(new NewAccount(request.email(), request.displayName(), request.password(),
				AccountKind.OPERATOR, request.locale()));
		// Codes other nodes logged at their start are void once an operator exists.
		repository.deleteUnused();
		return operator;
	}

}
