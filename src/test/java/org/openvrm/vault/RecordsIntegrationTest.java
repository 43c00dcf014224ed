package org.openvrm.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;
import org.openvrm.vault.internal.OpenVaults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class RecordsIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"(ovrm_pat_[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OpenVaults openVaults;

	@Test
	void recordsRoundTripThroughTheApiWithHistory() {
		HubClient ann = Hub.person(port);

		HubClient.Response created = ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"EMAIL\",\"fields\":{\"address\":\"ann@example.org\",\"label\":\"home\"}}");
		assertThat(created.status()).isEqualTo(201);
		String id = id(created.body());
		assertThat(created.body()).contains("\"fieldKeys\":[\"email.address\",\"email.label\"]");

		HubClient.Response changed = ann.sendJson("PUT", "/api/v1/me/records/" + id,
				"{\"fields\":{\"address\":\"ann@work.example\",\"label\":\"work\"}}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).contains("\"version\":2").contains("ann@work.example");

		assertThat(ann.get("/api/v1/me/records/" + id).body()).contains("ann@work.example")
			.doesNotContain("ann@example.org");
		String history = ann.get("/api/v1/me/records/" + id + "/history").body();
		assertThat(history).contains("\"version\":2").contains("\"version\":1").contains("ann@example.org");
		assertThat(ann.get("/api/v1/me/records").body()).contains(id);

		assertThat(ann.sendJson("DELETE", "/api/v1/me/records/" + id, null).status()).isEqualTo(204);
		assertThat(ann.get("/api/v1/me/records/" + id).status()).isEqualTo(404);
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM vault_record WHERE id = ?", Long.class, UUID.fromString(id)))
			.as("deleting removes every version")
			.isZero();
	}

	@RepeatedTest(5) // a race: each round sends them at once again
	void changesSentAtOnceEachBecomeAVersion() throws Exception {
		HubClient ann = Hub.person(port);
		String id = emailRecord(ann);
		String token = Hub.personalAccessToken(ann);

		List<HubClient.Response> answers = atOnce(8, i -> HubClient.withToken(port, "PUT", "/api/v1/me/records/" + id,
				token, "{\"fields\":{\"address\":\"ann" + i + "@example.org\"}}"));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
		assertThat(jdbc.queryForList("SELECT version FROM vault_record WHERE id = ? ORDER BY version", Integer.class,
				UUID.fromString(id)))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM vault_record WHERE id = ? AND latest", Long.class,
				UUID.fromString(id)))
			.isOne();
	}

	@RepeatedTest(5) // a race: each round sends them at once again
	void aDeletionSentWithChangesLeavesNothingBehind() throws Exception {
		HubClient ann = Hub.person(port);
		String id = emailRecord(ann);
		String token = Hub.personalAccessToken(ann);

		List<HubClient.Response> answers = atOnce(8,
				i -> i == 3 ? HubClient.withToken(port, "DELETE", "/api/v1/me/records/" + id, token, null)
						: HubClient.withToken(port, "PUT", "/api/v1/me/records/" + id, token,
								"{\"fields\":{\"address\":\"ann" + i + "@example.org\"}}"));

		assertThat(answers.get(3).status()).as(answers.get(3).body()).isEqualTo(204);
		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(200, 204, 404));
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM vault_record WHERE id = ?", Long.class, UUID.fromString(id)))
			.as("a change that waited for the deletion does not bring the record back")
			.isZero();
	}

	@Test
	void recordsAddedAtOnceByOnePersonAreAllKeptAndAudited() throws Exception {
		String email = Hub.uniqueEmail("busy");
		String token = Hub.personalAccessToken(Hub.person(port, email));

		List<HubClient.Response> answers = atOnce(8, i -> HubClient.withToken(port, "POST", "/api/v1/me/records", token,
				"{\"kind\":\"PHONE\",\"fields\":{\"number\":\"+31 6 0000 000" + i + "\"}}"));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
		UUID account = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM vault_record WHERE account_id = ?", Long.class, account))
			.isEqualTo(8);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE account_id = ? AND action = 'created'",
				Long.class, account))
			.isEqualTo(8);
	}

	private static String emailRecord(HubClient person) {
		return id(person
			.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"EMAIL\",\"fields\":{\"address\":\"ann@example.org\"}}")
			.body());
	}

	/**
	 * Sends the requests from as many threads, released together; their answers in order.
	 */
	private static List<HubClient.Response> atOnce(int count, IntFunction<HubClient.Response> request)
			throws Exception {
		ExecutorService devices = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			List<Future<HubClient.Response>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				answers.add(devices.submit(() -> {
					ready.countDown();
					ready.await();
					return request.apply(n);
				}));
			}
			List<HubClient.Response> responses = new ArrayList<>();
			for (Future<HubClient.Response> answer : answers) {
				responses.add(answer.get());
			}
			return responses;
		}
		finally {
			devices.shutdown();
		}
	}

	@Test
	void badFieldsAreRefusedNamingTheFieldAndNothingIsStored() {
		HubClient ann = Hub.person(port);
		long before = jdbc.queryForObject("SELECT count(*) FROM vault_record", Long.class);

		HubClient.Response unknown = ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"PHONE\",\"fields\":{\"shoe-size\":\"44\"}}");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("\"field\":\"fields.shoe-size\"");

		HubClient.Response badDate = ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"IDENTITY\",\"fields\":{\"given-name\":\"Ann\",\"birth-date\":\"31/12/1990\"}}");
		assertThat(badDate.status()).isEqualTo(422);
		assertThat(badDate.body()).contains("fields.birth-date").contains("YYYY-MM-DD");

		HubClient.Response badKind = ann.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"SHOES\",\"fields\":{}}");
		assertThat(badKind.status()).isEqualTo(400);

		HubClient.Response empty = ann.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{}}");
		assertThat(empty.status()).isEqualTo(422);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM vault_record", Long.class)).isEqualTo(before);
	}

	@Test
	void theHubStoresNoRecordContentInClear() {
		HubClient ann = Hub.person(port);
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");

		ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"IDENTITY\",\"fields\":{\"given-name\":\"" + marker + "\"}}");
		ann.sendJson("POST", "/api/v1/me/records",
				"{\"kind\":\"CUSTOM\",\"fields\":{\"" + marker.toLowerCase() + "\":\"blood type " + marker + "\"}}");
		assertThat(ann.get("/api/v1/me/records").body()).contains(marker);

		assertThat(RawStorage.tables(jdbc)).contains("vault_record");
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, marker.toLowerCase())).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, "IDENTITY")).isEmpty();
	}

	@Test
	void personACannotReachPersonBsRecords() {
		HubClient bob = Hub.person(port);
		String bobsRecord = id(bob
			.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"+32 470 00 00 00\"}}")
			.body());
		HubClient ann = Hub.person(port);

		assertThat(ann.get("/api/v1/me/records/" + bobsRecord).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/records/" + bobsRecord + "/history").status()).isEqualTo(404);
		assertThat(ann.sendJson("PUT", "/api/v1/me/records/" + bobsRecord, "{\"fields\":{\"number\":\"0\"}}").status())
			.isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/records/" + bobsRecord, null).status()).isEqualTo(404);
		assertThat(ann.get("/me/records/" + bobsRecord).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/me/records").body()).doesNotContain(bobsRecord);
		assertThat(bob.get("/api/v1/me/records/" + bobsRecord).body()).contains("+32 470 00 00 00");
	}

	@Test
	void aClosedVaultAnswers423AndThePagesSendThePersonToUnlockIt() {
		String email = Hub.uniqueEmail("closed");
		HubClient ann = Hub.person(port, email);
		openVaults.closeAll(jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email));

		HubClient.Response api = ann.get("/api/v1/me/records");
		assertThat(api.status()).isEqualTo(423);
		assertThat(api.header("Content-Type")).contains("application/problem+json");
		assertThat(ann.get("/me/records").location()).isEqualTo("/me/vault/unlock");
	}

	@Test
	void aTokenMadeWhileTheVaultIsOpenReadsRecordsAndOneMadeWhileClosedDoesNot() {
		String email = Hub.uniqueEmail("script");
		HubClient ann = Hub.person(port, email);
		ann.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"+31 6 1234 5678\"}}");
		Matcher opened = TOKEN.matcher(ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"with vault\"}").body());
		assertThat(opened.find()).isTrue();

		HubClient.Response viaToken = HubClient.withToken(port, "GET", "/api/v1/me/records", opened.group(1), null);
		assertThat(viaToken.status()).isEqualTo(200);
		assertThat(viaToken.body()).contains("+31 6 1234 5678");
		assertThat(RawStorage.whereFound(jdbc, opened.group(1))).as("the token itself is never stored").isEmpty();

		openVaults.closeAll(jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email));
		Matcher closed = TOKEN
			.matcher(ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"without vault\"}").body());
		assertThat(closed.find()).isTrue();
		assertThat(HubClient.withToken(port, "GET", "/api/v1/me/records", closed.group(1), null).status())
			.isEqualTo(423);
		assertThat(HubClient.withToken(port, "GET", "/api/v1/me/records", opened.group(1), null).status())
			.as("the first token still opens it")
			.isEqualTo(200);
	}

	@Test
	void revokingATokenDeletesItsKeyAtOnce() {
		HubClient ann = Hub.person(port);
		String body = ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"short\"}").body();
		Matcher token = TOKEN.matcher(body);
		assertThat(token.find()).isTrue();
		String tokenId = id(body);
		assertThat(HubClient.withToken(port, "GET", "/api/v1/me/records", token.group(1), null).status())
			.isEqualTo(200);

		assertThat(ann.sendJson("DELETE", "/api/v1/me/tokens/" + tokenId, null).status()).isEqualTo(204);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM vault_token_key WHERE token_id = ?", Long.class,
				UUID.fromString(tokenId)))
			.isZero();
		assertThat(HubClient.withToken(port, "GET", "/api/v1/me/records", token.group(1), null).status())
			.isEqualTo(401);
	}

	@Test
	void recordsAreAddedAndEditedFromThePages() {
		HubClient ann = Hub.person(port);

		HubClient.Response added = ann.submit("/me/records/new?kind=POSTAL_ADDRESS", "/me/records", Map.of("kind",
				"POSTAL_ADDRESS", "field.street", "Rue de la Plage 4", "field.city", "Sète", "field.country", "FR"));
		assertThat(added.location()).isEqualTo("/me/records");
		String list = ann.get("/me/records").body();
		assertThat(list).contains("Rue de la Plage 4").contains("Postal address");

		Matcher edit = Pattern.compile("/me/records/([0-9a-f-]{36})\"").matcher(list);
		assertThat(edit.find()).isTrue();
		HubClient.Response updated = ann.submit("/me/records/" + edit.group(1), "/me/records/" + edit.group(1),
				Map.of("field.street", "Rue de la Plage 6", "field.city", "Sète"));
		assertThat(updated.location()).isEqualTo("/me/records");
		assertThat(ann.get("/me/records/" + edit.group(1)).body()).contains("Rue de la Plage 6").contains("Version 1");

		HubClient.Response custom = ann.submit("/me/records/new?kind=CUSTOM", "/me/records",
				Map.of("kind", "CUSTOM", "customName", "Bad Name!", "customValue", "x"));
		assertThat(custom.status()).isEqualTo(200);
		assertThat(custom.body()).contains("does not belong");
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
