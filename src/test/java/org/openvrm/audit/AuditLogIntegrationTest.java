package org.openvrm.audit;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class AuditLogIntegrationTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void vaultEventsAreChainedAndATamperedEntryIsFound() {
		String email = Hub.uniqueEmail("audited");
		HubClient ann = Hub.person(port, email);
		UUID account = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email);
		Matcher id = ID.matcher(ann
			.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"EMAIL\",\"fields\":{\"address\":\"ann@example.org\"}}")
			.body());
		assertThat(id.find()).isTrue();
		ann.sendJson("PUT", "/api/v1/me/records/" + id.group(1), "{\"fields\":{\"address\":\"ann@work.example\"}}");
		ann.sendJson("POST", "/api/v1/me/contracts", "{\"counterparty\":\"Telco\"}");
		ann.getBytes("/api/v1/me/export");

		String log = ann.get("/api/v1/me/audit").body();
		assertThat(log).contains("\"action\":\"created\"")
			.contains("\"action\":\"updated\"")
			.contains("\"subject\":\"record:" + id.group(1) + "\"")
			.contains("\"action\":\"exported\"")
			.doesNotContain("ann@example.org");
		assertThat(ann.get("/api/v1/me/audit/verify").body()).contains("\"intact\":true").contains("\"entries\":4");
		assertThat(ann.get("/me/audit").body()).contains("The log is intact: 4 entries");

		jdbc.update("UPDATE audit_event SET action = 'read' WHERE account_id = ? AND seq = 2", account);

		assertThat(ann.get("/api/v1/me/audit/verify").body()).contains("\"intact\":false")
			.contains("\"firstBroken\":2");
		assertThat(ann.get("/me/audit").body()).contains("entry 2 does not fit the chain");

		jdbc.update("UPDATE audit_event SET action = 'updated' WHERE account_id = ? AND seq = 2", account);
		jdbc.update("DELETE FROM audit_event WHERE account_id = ? AND seq = 3", account);
		assertThat(ann.get("/api/v1/me/audit/verify").body()).as("a removed entry").contains("\"firstBroken\":4");
	}

	@Test
	void personACannotSeePersonBsLog() {
		HubClient bob = Hub.person(port);
		Matcher id = ID
			.matcher(bob.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"1\"}}")
				.body());
		assertThat(id.find()).isTrue();
		HubClient ann = Hub.person(port);

		assertThat(ann.get("/api/v1/me/audit").body()).doesNotContain(id.group(1));
		assertThat(ann.get("/me/audit").body()).doesNotContain(id.group(1));
		assertThat(bob.get("/api/v1/me/audit").body()).contains(id.group(1));
	}

}
