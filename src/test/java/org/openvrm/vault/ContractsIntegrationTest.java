package org.openvrm.vault;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class ContractsIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * A cost in the currency's own minor unit: 12.345 is no euro amount, but is a dinar
	 * one.
	 */
	@Test
	void aCostHasNoMoreDecimalsThanItsCurrency() {
		HubClient ann = Hub.person(port);
		String contract = """
				{"title":"Storage","counterparty":"Box Co","end":"%s","cost":12.345,"currency":"%s"}""";
		String end = LocalDate.now().plusYears(1).toString();

		HubClient.Response euros = ann.sendJson("POST", "/api/v1/me/contracts", contract.formatted(end, "EUR"));
		HubClient.Response dinars = ann.sendJson("POST", "/api/v1/me/contracts", contract.formatted(end, "KWD"));

		assertThat(euros.status()).isEqualTo(422);
		assertThat(euros.body()).contains("\"field\":\"cost\"");
		assertThat(dinars.status()).as(dinars.body()).isEqualTo(201);
	}

	@Test
	void aContractRoundTripsWithItsNoticeDeadline() {
		HubClient ann = Hub.person(port);
		LocalDate end = LocalDate.now().plusMonths(8);

		HubClient.Response created = ann.sendJson("POST", "/api/v1/me/contracts", """
				{"title":"Mobile plan","counterparty":"Proximus","start":"2025-01-01","end":"%s","noticeDays":30,
				 "autoRenewal":true,"cost":19.99,"currency":"eur","costPeriod":"MONTH"}""".formatted(end));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).contains("\"noticeDeadline\":\"" + end.minusDays(30) + "\"")
			.contains("\"currency\":\"EUR\"");
		String id = id(created.body());
		HubClient.Response changed = ann.sendJson("PUT", "/api/v1/me/contracts/" + id,
				"{\"counterparty\":\"Proximus\",\"end\":\"%s\",\"noticeDays\":60}".formatted(end));
		assertThat(changed.body()).contains("\"noticeDeadline\":\"" + end.minusDays(60) + "\"");
		assertThat(ann.get("/api/v1/me/contracts").body()).contains(id);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/contracts/" + id, null).status()).isEqualTo(204);
		assertThat(ann.get("/api/v1/me/contracts/" + id).status()).isEqualTo(404);
	}

	@Test
	void contractsWithANoticeDeadlineWithin60DaysAreOnTheDashboard() {
		HubClient ann = Hub.person(port);
		ann.sendJson("POST", "/api/v1/me/contracts",
				"{\"title\":\"Energy\",\"counterparty\":\"Engie\",\"end\":\"%s\",\"noticeDays\":14}"
					.formatted(LocalDate.now().plusDays(40)));
		ann.sendJson("POST", "/api/v1/me/contracts",
				"{\"title\":\"Car insurance\",\"counterparty\":\"AXA\",\"end\":\"%s\"}"
					.formatted(LocalDate.now().plusYears(1)));

		assertThat(ann.get("/api/v1/me/contracts?soon=true").body()).contains("Engie").doesNotContain("AXA");
		String dashboard = ann.get("/me").body();
		assertThat(dashboard).as("on the list of decisions")
			.contains("data-type=\"contract\"")
			.contains("Energy")
			.contains("with Engie: give notice by")
			.contains("Ask the market")
			.doesNotContain("AXA");
		assertThat(ann.get("/me/contracts").body()).contains("id=\"deadlines-soon\"").contains("Car insurance");
	}

	@Test
	void badContractsAreRefusedNamingTheField() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		String bobsDocument = id(bob
			.upload("/api/v1/me/documents", "/login", Map.of("title", "bob"), "b.txt", "text/plain", new byte[] { 1 })
			.body());

		assertThat(ann.sendJson("POST", "/api/v1/me/contracts", "{\"title\":\"x\"}").body())
			.contains("\"field\":\"counterparty\"");
		assertThat(ann
			.sendJson("POST", "/api/v1/me/contracts",
					"{\"counterparty\":\"A\",\"start\":\"2026-05-01\",\"end\":\"2026-04-01\"}")
			.body()).contains("\"field\":\"end\"");
		assertThat(
				ann.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"A\",\"currency\":\"XYZ1\"}").status())
			.isEqualTo(422);
		HubClient.Response foreign = ann.sendJson("POST", "/api/v1/me/contracts",
				"{\"counterparty\":\"A\",\"documents\":[\"" + bobsDocument + "\"]}");
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.body()).contains("\"field\":\"documents\"");
		assertThat(ann.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"A\",\"end\":\"soon\"}").status())
			.isEqualTo(400);
		assertThat(ann.get("/api/v1/me/contracts").body()).isEqualTo("[]");
	}

	@Test
	void personACannotReachPersonBsContractsAndTheHubCannotReadThem() {
		String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
		HubClient bob = Hub.person(port);
		String bobs = id(bob.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"" + marker + "\"}").body());
		HubClient ann = Hub.person(port);

		assertThat(ann.get("/api/v1/me/contracts/" + bobs).status()).isEqualTo(404);
		assertThat(ann.sendJson("PUT", "/api/v1/me/contracts/" + bobs, "{\"counterparty\":\"mine\"}").status())
			.isEqualTo(404);
		assertThat(ann.sendJson("DELETE", "/api/v1/me/contracts/" + bobs, null).status()).isEqualTo(404);
		assertThat(ann.get("/me/contracts/" + bobs).status()).isEqualTo(404);
		assertThat(bob.get("/api/v1/me/contracts/" + bobs).body()).contains(marker);
		assertThat(RawStorage.tables(jdbc)).contains("vault_contract");
		assertThat(RawStorage.whereFound(jdbc, marker)).isEmpty();
	}

	@Test
	void theFormAddsAContractWithAnAttachedDocument() {
		HubClient ann = Hub.person(port);
		String document = id(ann
			.upload("/api/v1/me/documents", "/login", Map.of("title", "Lease scan"), "lease.pdf", "application/pdf",
					"%PDF".getBytes())
			.body());

		HubClient.Response saved = ann.submit("/me/contracts/new", "/me/contracts",
				Map.of("counterparty", "Landlord Peeters", "title", "Flat lease", "end",
						LocalDate.now().plusYears(2).toString(), "noticeDays", "90", "cost", "850", "currency", "EUR",
						"costPeriod", "MONTH", "documents", document));
		assertThat(saved.location()).isEqualTo("/me/contracts");
		assertThat(ann.get("/me/contracts").body()).contains("Flat lease").contains("Landlord Peeters");
		assertThat(ann.get("/api/v1/me/contracts").body()).contains(document);

		HubClient.Response invalid = ann.submit("/me/contracts/new", "/me/contracts", Map.of("counterparty", ""));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("Enter who the contract is with");
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
