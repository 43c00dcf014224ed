package org.openvrm.account;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class TokensIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"(ovrm_pat_[^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Test
	void aPersonCreatesUsesListsAndRevokesAToken() {
		HubClient ann = Hub.person(port);

		HubClient.Response created = ann.sendJson("POST", "/api/v1/me/tokens",
				"{\"name\":\"budget script\",\"validDays\":30}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/v1/me/tokens/");
		String token = group(TOKEN, created.body());
		String id = group(ID, created.body());

		HubClient.Response me = HubClient.withToken(port, "GET", "/api/v1/me", token, null);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body()).contains("\"kind\":\"PERSON\"");
		assertThat(me.header("Set-Cookie")).as("a token call opens no session").isNull();

		HubClient.Response list = HubClient.withToken(port, "GET", "/api/v1/me/tokens", token, null);
		assertThat(list.body()).contains("budget script").contains(id).doesNotContain(token);

		assertThat(HubClient.withToken(port, "DELETE", "/api/v1/me/tokens/" + id, token, null).status()).isEqualTo(204);
		HubClient.Response afterRevoke = HubClient.withToken(port, "GET", "/api/v1/me", token, null);
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.header("Content-Type")).contains("application/problem+json");
	}

	@Test
	void aTokenIsCreatedFromTheSettingsPageAndShownOnce() {
		HubClient ann = Hub.person(port);

		HubClient.Response page = ann.submit("/me/tokens", "/me/tokens",
				Map.of("name", "spreadsheet", "validDays", "7"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("ovrm_pat_").contains("Copy it now");
		assertThat(ann.get("/me/tokens").body()).contains("spreadsheet").doesNotContain("ovrm_pat_");
	}

	@Test
	void personACannotRevokePersonBsToken() {
		HubClient ann = Hub.person(port);
		HubClient bob = Hub.person(port);
		String bobsToken = group(ID, bob.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"bob\"}").body());

		HubClient.Response attempt = ann.sendJson("DELETE", "/api/v1/me/tokens/" + bobsToken, null);

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(attempt.header("Content-Type")).contains("application/problem+json");
		assertThat(bob.get("/api/v1/me/tokens").body()).contains(bobsToken);
		assertThat(ann.get("/api/v1/me/tokens").body()).doesNotContain(bobsToken);
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		HubClient ann = Hub.person(port);

		HubClient.Response blank = ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"\",\"validDays\":0}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.header("Content-Type")).contains("application/problem+json");
		assertThat(blank.body()).contains("\"field\":\"name\"")
			.contains("\"field\":\"validDays\"")
			.doesNotContain("Exception");

		HubClient.Response malformed = ann.sendJson("POST", "/api/v1/me/tokens", "{not json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("not valid JSON").doesNotContain("at org.");

		HubClient.Response wrongType = ann.sendJson("DELETE", "/api/v1/me/tokens/not-a-uuid", null);
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(ann.get("/api/v1/me/tokens").body()).isEqualTo("[]");
	}

	@Test
	void theApiNeedsTheCsrfHeaderWithASessionAndAValidTokenWithout() {
		HubClient ann = Hub.person(port);
		HubClient.Response withoutCsrf = ann.post("/api/v1/me/tokens", Map.of("name", "x"));
		assertThat(withoutCsrf.status()).isEqualTo(403);
		assertThat(withoutCsrf.header("Content-Type")).contains("application/problem+json");

		HubClient.Response anonymous = new HubClient(port).get("/api/v1/me");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).contains("application/problem+json");

		assertThat(HubClient.withToken(port, "GET", "/api/v1/me", "ovrm_pat_made-up", null).status()).isEqualTo(401);
	}

	@Test
	void aTokenCannotCreateFurtherTokens() {
		HubClient ann = Hub.person(port);
		String token = group(TOKEN,
				ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"leaky\",\"validDays\":1}").body());

		HubClient.Response minted = HubClient.withToken(port, "POST", "/api/v1/me/tokens", token,
				"{\"name\":\"forever\"}");

		assertThat(minted.status()).isEqualTo(403);
		assertThat(ann.get("/api/v1/me/tokens").body()).doesNotContain("forever");
	}

	@Test
	void anotherAuthorizationSchemeDoesNotSkipTheCsrfCheck() {
		String email = Hub.uniqueEmail("basic");
		HubClient laptop = Hub.person(port, email);
		HubClient phone = Hub.signIn(port, email, Hub.PASSWORD);

		HubClient.Response forged = laptop.postWithHeader("/account/sessions/sign-out-others", "Authorization",
				"Basic dXNlcjpwYXNz");

		assertThat(forged.status()).isEqualTo(403);
		assertThat(phone.get("/me").status()).isEqualTo(200);
	}

	@Test
	void aTokenOpensNoPageAndNoOtherPart() {
		HubClient ann = Hub.person(port);
		String token = group(TOKEN, ann.sendJson("POST", "/api/v1/me/tokens", "{\"name\":\"scoped\"}").body());

		assertThat(HubClient.withToken(port, "GET", "/me", token, null).status()).isEqualTo(302);
		assertThat(HubClient.withToken(port, "GET", "/api/v1/vendor/intents", token, null).status()).isEqualTo(401);
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
