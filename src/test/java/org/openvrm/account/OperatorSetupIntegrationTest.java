package org.openvrm.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub starts without an operator; the test profile sets the setup code
 * (OPENVRM_OPERATOR_SETUP_CODE).
 */
@HubTest
class OperatorSetupIntegrationTest {

	static final String CODE = "test-operator-setup-code-0123456789";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSetupCodeCreatesTheFirstOperatorOnceAndNeverAgain() {
		String email = Hub.uniqueEmail("operator");
		HubClient wrong = new HubClient(port);
		HubClient.Response refused = wrong.submit("/setup", "/setup", Map.of("code", "guessed-code-guessed-code",
				"email", email, "displayName", "Op", "password", Hub.PASSWORD));
		assertThat(refused.body()).contains("wrong or has already been used");
		assertThat(count(email)).isZero();

		HubClient weak = new HubClient(port);
		assertThat(weak
			.submit("/setup", "/setup", Map.of("code", CODE, "email", email, "displayName", "Op", "password", "short"))
			.body()).contains("at least 12 characters");

		HubClient operator = new HubClient(port);
		HubClient.Response created = operator.submit("/setup", "/setup",
				Map.of("code", CODE, "email", email, "displayName", "Op", "password", Hub.PASSWORD));
		assertThat(created.location()).isEqualTo("/operator");
		assertThat(operator.get("/operator").body()).contains("Running the hub");
		assertThat(jdbc.sql("SELECT kind FROM account WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("OPERATOR");

		String second = Hub.uniqueEmail("operator2");
		HubClient.Response reused = new HubClient(port).submit("/setup", "/setup",
				Map.of("code", CODE, "email", second, "displayName", "Op2", "password", Hub.PASSWORD));
		assertThat(reused.body()).contains("wrong or has already been used");
		assertThat(count(second)).isZero();
	}

	private long count(String email) {
		return jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single();
	}

}
