package org.openvrm.account;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class SignUpIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSignsUpAndLandsOnTheirDashboardWithAFreshSessionId() {
		HubClient client = new HubClient(port);
		client.get("/signup");
		String before = client.sessionCookie().orElseThrow();
		String email = Hub.uniqueEmail("ann");

		HubClient.Response response = client.submit("/signup", "/signup",
				Map.of("email", email.toUpperCase(), "displayName", "Ann", "password", Hub.PASSWORD));

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).isEqualTo("/me/recovery-code");
		assertThat(client.sessionCookie()).isPresent().get().isNotEqualTo(before);
		assertThat(client.get("/me").body()).contains("Welcome, Ann");
		assertThat(accounts(email)).isOne();
		String hash = jdbc.sql("SELECT password_hash FROM account WHERE email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}").doesNotContain(Hub.PASSWORD);
	}

	@Test
	void aLongEmailAddressWorksForSignUpAndSessions() {
		String email = Hub.uniqueEmail("long")
			.replace("@example.org", "@" + "a".repeat(60) + "." + "b".repeat(60) + ".example.org");
		HubClient client = Hub.person(port, email);
		assertThat(client.get("/account/sessions").status()).isEqualTo(200);
		assertThat(Hub.signIn(port, email, Hub.PASSWORD).get("/me").status()).isEqualTo(200);
	}

	@Test
	void anonymousVisitorsOfThePublicStartPageGetNoSession() {
		HubClient visitor = new HubClient(port);
		assertThat(visitor.get("/").status()).isEqualTo(200);
		assertThat(visitor.sessionCookie()).isEmpty();
	}

	@Test
	void aDuplicateEmailIsRefusedOnTheEmailField() {
		String email = Hub.uniqueEmail("dup");
		Hub.person(port, email);

		HubClient.Response response = new HubClient(port).submit("/signup", "/signup",
				Map.of("email", email, "displayName", "Someone else", "password", Hub.PASSWORD));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("An account with this e-mail address already exists");
		assertThat(accounts(email)).isOne();
	}

	@Test
	void weakPasswordsAreRefusedWithTheReason() {
		HubClient client = new HubClient(port);
		String email = Hub.uniqueEmail("weak");

		assertThat(client.submit("/signup", "/signup", Map.of("email", email, "displayName", "W", "password", "short"))
			.body()).contains("at least 12 characters");
		assertThat(client
			.submit("/signup", "/signup", Map.of("email", email, "displayName", "W", "password", "password1234"))
			.body()).contains("too easy to guess");
		assertThat(client
			.submit("/signup", "/signup", Map.of("email", email, "displayName", "W", "password", "qwertyuiop123"))
			.body()).contains("too easy to guess");
		assertThat(accounts(email)).isZero();
	}

	@Test
	void missingAndMalformedFieldsAreNamed() {
		HubClient.Response response = new HubClient(port).submit("/signup", "/signup",
				Map.of("email", "not-an-address", "displayName", "", "password", Hub.PASSWORD));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Enter your name.").contains("aria-invalid=\"true\"");

		response = new HubClient(port).submit("/signup", "/signup",
				Map.of("email", "not-an-address", "displayName", "X", "password", Hub.PASSWORD));
		assertThat(response.body()).contains("Enter a valid e-mail address");
		assertThat(accounts("not-an-address")).isZero();
	}

	@Test
	void aFormWithoutTheCsrfTokenIsRefusedAndCreatesNothing() {
		HubClient client = new HubClient(port);
		client.get("/signup");
		String email = Hub.uniqueEmail("csrf");

		HubClient.Response response = client.post("/signup",
				Map.of("email", email, "displayName", "Eve", "password", Hub.PASSWORD));

		assertThat(response.status()).isEqualTo(403);
		assertThat(accounts(email)).isZero();
	}

	@Test
	void signInSignOutAndWrongPassword() {
		String email = Hub.uniqueEmail("bob");
		Hub.person(port, email);

		HubClient wrong = Hub.signIn(port, email, "not the right password");
		assertThat(wrong.get("/me").status()).isEqualTo(302);

		HubClient client = new HubClient(port);
		client.get("/login");
		String anonymousSession = client.sessionCookie().orElseThrow();
		HubClient.Response signedIn = client.submit("/login", "/login",
				Map.of("username", email, "password", Hub.PASSWORD));
		assertThat(signedIn.location()).isEqualTo("/me");
		assertThat(client.sessionCookie()).get().isNotEqualTo(anonymousSession);
		assertThat(client.get("/me").status()).isEqualTo(200);

		HubClient.Response signedOut = client.submit("/me", "/logout", Map.of());
		assertThat(signedOut.location()).isEqualTo("/?signedOut");
		HubClient.Response afterwards = client.get("/me");
		assertThat(afterwards.status()).isEqualTo(302);
		assertThat(afterwards.location()).isEqualTo("/login");
	}

	@Test
	void aWrongPasswordSaysSoWithoutSayingWhichPartWasWrong() {
		HubClient client = new HubClient(port);
		HubClient.Response response = client.submit("/login", "/login",
				Map.of("username", Hub.uniqueEmail("nobody"), "password", "whatever it is"));
		assertThat(response.location()).isEqualTo("/login?error");
		assertThat(client.get("/login?error").body()).contains("Wrong e-mail address or password.");
	}

	private long accounts(String email) {
		return jdbc.sql("SELECT count(*) FROM account WHERE email = ?")
			.param(email.toLowerCase())
			.query(Long.class)
			.single();
	}

}
