package org.openvrm.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class SignInThrottleIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void repeatedFailuresMakeTheNextAttemptWaitEvenWithTheRightPassword() {
		String email = Hub.uniqueEmail("target");
		Hub.person(port, email);
		HubClient attacker = new HubClient(port);
		for (int i = 0; i < 3; i++) {
			assertThat(attacker.submit("/login", "/login", Map.of("username", email, "password", "guess number " + i))
				.location()).isEqualTo("/login?error");
		}

		HubClient.Response refused = new HubClient(port).submit("/login", "/login",
				Map.of("username", email, "password", Hub.PASSWORD));

		assertThat(refused.location()).startsWith("/login?throttled=");
		assertThat(refused.header("Retry-After")).isNotNull();
		assertThat(new HubClient(port).get(refused.location()).body()).contains("Too many failed sign-ins");
	}

}
