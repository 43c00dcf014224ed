package org.openvrm.platform;

import org.junit.jupiter.api.Test;
import org.openvrm.HubClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MANAGEMENT_SERVER_PORT set, probes and Prometheus are served there without a
 * session, and only there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ManagementPortIntegrationTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theManagementPortServesProbesAndMetricsTheMainPortDoesNot() {
		HubClient management = new HubClient(managementPort);
		assertThat(management.get("/actuator/health/readiness").body()).contains("UP");
		assertThat(management.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

		assertThat(new HubClient(port).get("/actuator/prometheus").status()).isNotEqualTo(200);
	}

}
