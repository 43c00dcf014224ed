package org.openvrm.market;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Unless the operator opens it (the default), the public demand feed is not there. */
@HubTest
class DemandFeedClosedIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void theFeedIsNotFound() {
		HubClient.Response answer = new HubClient(port).get("/market/demand");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("Demand feed not found");
	}

}
