package org.openvrm.platform;

import java.util.UUID;

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

/**
 * A retried POST with the same Idempotency-Key gets the first answer again and creates
 * nothing twice.
 */
@HubTest
class IdempotencyIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RECORD = "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"+32 470 12 34 56\"}}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRetryGetsTheFirstAnswerAndNothingIsCreatedTwice() {
		HubClient ann = Hub.person(port);
		String key = UUID.randomUUID().toString();

		HubClient.Response first = ann.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key", key);
		HubClient.Response retry = ann.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(JSON.readTree(ann.get("/api/v1/me/records").body())).hasSize(1);

		HubClient.Response other = ann.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(other.status()).isEqualTo(201);
		assertThat(JSON.readTree(ann.get("/api/v1/me/records").body())).as("a new key is a new request").hasSize(2);
	}

	@Test
	void theSameKeyForAnotherRequestIsRefusedAndKeysBelongToTheirCaller() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		String key = UUID.randomUUID().toString();
		ann.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key", key);

		HubClient.Response different = ann.sendJson("POST", "/api/v1/me/records",
				RECORD.replace("+32 470 12 34 56", "+31 6 1234 5678"), "Idempotency-Key", key);
		assertThat(different.status()).isEqualTo(422);
		assertThat(different.body()).contains("already used for a different request");

		HubClient.Response bobs = bob.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key", key);
		assertThat(bobs.status()).as("another caller's key is not ann's").isEqualTo(201);
		assertThat(bobs.header("Idempotent-Replayed")).isNull();
		assertThat(JSON.readTree(bob.get("/api/v1/me/records").body())).hasSize(1);

		assertThat(ann.sendJson("POST", "/api/v1/me/records", RECORD, "Idempotency-Key", "x".repeat(256)).status())
			.isEqualTo(400);
	}

	@Test
	void aKeptAnswerIsUnreadableToTheHubEvenWhenItHoldsATokenShownOnce() {
		HubClient ann = Hub.person(port);
		String key = UUID.randomUUID().toString();

		HubClient.Response created = ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"retry-safe script\"}",
				"Idempotency-Key", key);
		HubClient.Response again = ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"retry-safe script\"}",
				"Idempotency-Key", key);

		String token = JSON.readTree(created.body()).get("token").asString();
		assertThat(JSON.readTree(again.body()).get("token").asString()).isEqualTo(token);
		assertThat(RawStorage.whereFound(jdbc, token)).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, key)).as("neither is the key").isEmpty();
		assertThat(JSON.readTree(ann.get("/api/v1/me/tokens").body())).hasSize(1);
	}

	@Test
	void refusalsAreKeptTooButAnonymousRequestsAreNotAffected() {
		HubClient ann = Hub.person(port);
		String key = UUID.randomUUID().toString();
		String bad = "{\"kind\":\"PHONE\",\"fields\":{\"nonsense\":\"1\"}}";

		HubClient.Response refused = ann.sendJson("POST", "/api/v1/me/records", bad, "Idempotency-Key", key);
		HubClient.Response again = ann.sendJson("POST", "/api/v1/me/records", bad, "Idempotency-Key", key);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

		HubClient anonymous = new HubClient(port);
		JsonNode verified = JSON.readTree(
				anonymous.sendJson("POST", "/api/v1/agreements/verify", "{\"record\":\"x\"}", "Idempotency-Key", key)
					.body());
		assertThat(verified.get("valid").asBoolean()).isFalse();
	}

}
