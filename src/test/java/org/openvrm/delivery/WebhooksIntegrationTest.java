package org.openvrm.delivery;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook endpoints on the default hub, where private addresses are refused. */
@HubTest
class WebhooksIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	static String endpoint(String url, String... events) {
		return JSON.writeValueAsString(Map.of("url", url, "events", List.of(events)));
	}

	@Test
	void loopbackPrivateAndBadAddressesAreRefusedWithAClearErrorAndNothingSaved() {
		HubClient admin = Hub.vendorAdmin(port);

		Map<String, String> refusals = Map.of("http://localhost:9000/hook", "private, loopback or reserved",
				"http://127.0.0.1/hook", "private, loopback or reserved", "https://192.168.1.20/hook",
				"private, loopback or reserved", "http://169.254.169.254/latest/meta-data/",
				"private, loopback or reserved", "http://[::1]/hook", "private, loopback or reserved",
				"ftp://93.184.215.14/hook", "http:// or https://", "javascript:alert(1)", "http:// or https://",
				"https://no-such-host.invalid/hook", "does not resolve");
		refusals.forEach((url, message) -> {
			HubClient.Response refused = admin.sendJson("POST", "/api/v1/vendor/webhooks",
					endpoint(url, "intent.matched"));
			assertThat(refused.status()).as(url).isEqualTo(422);
			assertThat(refused.body()).as(url).contains("\"field\":\"url\"").contains(message);
		});
		HubClient.Response noEvents = admin.sendJson("POST", "/api/v1/vendor/webhooks",
				endpoint("https://93.184.215.14/hook"));
		assertThat(noEvents.body()).contains("\"field\":\"events\"");
		HubClient.Response unknownEvent = admin.sendJson("POST", "/api/v1/vendor/webhooks",
				endpoint("https://93.184.215.14/hook", "intent.matched", "intent.matchd"));
		assertThat(unknownEvent.status()).isEqualTo(422);
		assertThat(unknownEvent.body()).as("names the bad event")
			.contains("\"field\":\"events[intent.matchd]\"")
			.contains("no such event");
		assertThat(admin.get("/api/v1/vendor/webhooks").body()).isEqualTo("[]");

		HubClient.Response page = admin.submit("/console/webhooks", "/console/webhooks",
				Map.of("url", "http://10.0.0.7/hook", "events", "intent.matched"));
		assertThat(page.body()).contains("the hub only calls public addresses");
	}

	@Test
	void aPublicEndpointIsSavedWithASecretShownOnceAndSealed() {
		HubClient admin = Hub.vendorAdmin(port);

		HubClient.Response created = admin.sendJson("POST", "/api/v1/vendor/webhooks",
				endpoint("https://93.184.215.14/openvrm", "intent.matched", "relationship.ended"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		String secret = body.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(admin.get("/api/v1/vendor/webhooks").body()).contains("https://93.184.215.14/openvrm")
			.doesNotContain(secret);
		assertThat(RawStorage.whereFound(jdbc, secret)).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, secret.substring(6))).isEmpty();
	}

	@Test
	void vendorXCannotSeeTestOrRemoveVendorYsEndpointsAndAgentsCannotManageThem() {
		HubClient x = Hub.vendorAdmin(port);
		HubClient y = Hub.vendorAdmin(port);
		String ys = JSON
			.readTree(
					y.sendJson("POST", "/api/v1/vendor/webhooks", endpoint("https://93.184.215.14/y", "intent.matched"))
						.body())
			.get("endpoint")
			.get("id")
			.asString();

		assertThat(x.get("/api/v1/vendor/webhooks").body()).doesNotContain(ys);
		assertThat(x.sendJson("POST", "/api/v1/vendor/webhooks/" + ys + "/test", null).status()).isEqualTo(404);
		assertThat(x.sendJson("DELETE", "/api/v1/vendor/webhooks/" + ys, null).status()).isEqualTo(404);
		assertThat(y.get("/api/v1/vendor/webhooks").body()).contains(ys);
	}

}
