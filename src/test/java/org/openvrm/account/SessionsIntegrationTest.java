package org.openvrm.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class SessionsIntegrationTest {

	private static final Pattern HANDLE = Pattern.compile("/account/sessions/([0-9a-f]{16})/sign-out");

	@LocalServerPort
	int port;

	@Test
	void theSessionsPageListsEverySessionAndSignsOutTheOthers() {
		String email = Hub.uniqueEmail("multi");
		HubClient laptop = Hub.person(port, email);
		HubClient phone = Hub.signIn(port, email, Hub.PASSWORD);
		assertThat(phone.get("/me").status()).isEqualTo(200);

		String page = laptop.get("/account/sessions").body();
		assertThat(page).contains("(this browser)").contains("signed in in 2 place(s)");
		assertThat(page).doesNotContain(phone.sessionCookie().orElseThrow());

		HubClient.Response signOut = laptop.submit("/account/sessions", "/account/sessions/sign-out-others", Map.of());
		assertThat(signOut.location()).isEqualTo("/account/sessions");
		assertThat(laptop.get("/account/sessions").body()).contains("Signed out 1 other session(s)");
		assertThat(phone.get("/me").status()).isEqualTo(302);
		assertThat(laptop.get("/me").status()).isEqualTo(200);
	}

	@Test
	void aPersonCannotSignOutSomeoneElsesSession() {
		String bobEmail = Hub.uniqueEmail("bob");
		HubClient bob = Hub.person(port, bobEmail);
		HubClient bobsPhone = Hub.signIn(port, bobEmail, Hub.PASSWORD);
		String bobsPhoneHandle = handle(bob.get("/account/sessions").body());
		HubClient ann = Hub.person(port);

		HubClient.Response attempt = ann.submit("/account/sessions",
				"/account/sessions/" + bobsPhoneHandle + "/sign-out", Map.of());

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(bobsPhone.get("/me").status()).isEqualTo(200);
	}

	@Test
	void theApiSignsOutOneSessionOfItsOwnAccountOnly() {
		String email = Hub.uniqueEmail("api");
		HubClient laptop = Hub.person(port, email);
		HubClient phone = Hub.signIn(port, email, Hub.PASSWORD);
		String phoneHandle = handle(laptop.get("/account/sessions").body());
		HubClient ann = Hub.person(port);

		assertThat(ann.sendJson("POST", "/api/v1/me/sessions/" + phoneHandle + "/sign-out", null).status())
			.isEqualTo(404);
		assertThat(phone.get("/me").status()).isEqualTo(200);

		assertThat(laptop.sendJson("POST", "/api/v1/me/sessions/" + phoneHandle + "/sign-out", null).status())
			.isEqualTo(204);
		assertThat(phone.get("/me").status()).isEqualTo(302);
	}

	@Test
	void withHtmxASignedOutSessionsRowIsReplacedByNothing() {
		String email = Hub.uniqueEmail("htmx");
		HubClient laptop = Hub.person(port, email);
		HubClient phone = Hub.signIn(port, email, Hub.PASSWORD);
		String page = laptop.get("/account/sessions").body();
		assertThat(page).contains("hx-post=\"/account/sessions/").contains("hx-target=\"closest tr\"");

		HubClient.Response answer = laptop.submitWithHeader("/account/sessions",
				"/account/sessions/" + handle(page) + "/sign-out", "HX-Request", "true");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isBlank();
		assertThat(phone.get("/me").status()).isEqualTo(302);
	}

	@Test
	void theApiListsSessionsWithoutTheirIds() {
		HubClient ann = Hub.person(port);
		String body = ann.get("/api/v1/me/sessions").body();
		assertThat(body).contains("\"current\":true").contains("\"handle\"");
		assertThat(body).doesNotContain(ann.sessionCookie().orElseThrow());
	}

	private static String handle(String page) {
		Matcher matcher = HANDLE.matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
