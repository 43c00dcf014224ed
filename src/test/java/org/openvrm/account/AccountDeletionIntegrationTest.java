package org.openvrm.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.RawStorage;
import org.openvrm.vault.SealedInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class AccountDeletionIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"(ovrm_pat_[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SealedInbox inbox;

	@Test
	void deletingTheAccountLeavesNothingOfThePersonBehind() {
		String email = Hub.uniqueEmail("leaving");
		HubClient ann = Hub.person(port, email);
		UUID id = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email);
		ann.sendJson("POST", "/api/v1/me/records", "{\"kind\":\"PHONE\",\"fields\":{\"number\":\"+32 2 555 00 00\"}}");
		inbox.seal(id, "invoice", "Last invoice", "x".getBytes(StandardCharsets.UTF_8));
		Matcher token = TOKEN.matcher(ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"script\"}").body());
		assertThat(token.find()).isTrue();
		HubClient phone = Hub.signIn(port, email, Hub.PASSWORD);

		HubClient.Response unconfirmed = ann.submit("/me/delete", "/me/delete", Map.of("password", Hub.PASSWORD));
		assertThat(unconfirmed.body()).contains("Tick the box");
		HubClient.Response wrongPassword = ann.submit("/me/delete", "/me/delete",
				Map.of("password", "not my password", "confirm", "yes"));
		assertThat(wrongPassword.body()).contains("This is not your current password.");
		assertThat(RawStorage.whereFound(jdbc, id.toString())).isNotEmpty();

		HubClient.Response deleted = ann.submit("/me/delete", "/me/delete",
				Map.of("password", Hub.PASSWORD, "confirm", "yes"));

		assertThat(deleted.location()).isEqualTo("/?deleted");
		assertThat(RawStorage.whereFound(jdbc, id.toString())).as("no row refers to the account").isEmpty();
		assertThat(RawStorage.whereFound(jdbc, email)).as("no row holds the e-mail address").isEmpty();
		assertThat(phone.get("/me").status()).as("every session ended").isEqualTo(302);
		assertThat(HubClient.withToken(port, "GET", "/api/v1/me/records", token.group(1), null).status())
			.isEqualTo(401);
		assertThat(Hub.signIn(port, email, Hub.PASSWORD).get("/me").status()).isEqualTo(302);
	}

	@Test
	void theApiDeletesWithThePasswordFromASessionButNotWithAToken() {
		String email = Hub.uniqueEmail("api-leaving");
		HubClient ann = Hub.person(port, email);
		Matcher token = TOKEN.matcher(ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"script\"}").body());
		assertThat(token.find()).isTrue();

		assertThat(HubClient
			.withToken(port, "POST", "/api/v1/me/deletion", token.group(1), "{\"password\":\"" + Hub.PASSWORD + "\"}")
			.status()).isEqualTo(403);
		assertThat(ann.sendJson("POST", "/api/v1/me/deletion", "{\"password\":\"wrong one\"}").status()).isEqualTo(422);
		assertThat(ann.sendJson("POST", "/api/v1/me/deletion", "{}").status()).isEqualTo(400);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = ?", Long.class, email)).isOne();

		assertThat(ann.sendJson("POST", "/api/v1/me/deletion", "{\"password\":\"" + Hub.PASSWORD + "\"}").status())
			.isEqualTo(204);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = ?", Long.class, email)).isZero();
	}

}
