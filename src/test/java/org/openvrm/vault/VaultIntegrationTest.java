package org.openvrm.vault;

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
import org.openvrm.vault.internal.OpenVaults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class VaultIntegrationTest {

	private static final Pattern CODE = Pattern.compile("id=\"recovery-code\">([A-Z2-7-]+)<");

	@LocalServerPort
	int port;

	@Autowired
	SealedInbox inbox;

	@Autowired
	OpenVaults openVaults;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRecoveryCodeIsShownOnceAfterSignUpAndMustBeConfirmed() {
		HubClient client = new HubClient(port);
		client.submit("/signup", "/signup",
				Map.of("email", Hub.uniqueEmail("rc"), "displayName", "Rc", "password", Hub.PASSWORD));

		String page = client.get("/me/recovery-code").body();
		Matcher code = CODE.matcher(page);
		assertThat(code.find()).isTrue();
		assertThat(page).contains("cannot be opened by anyone");

		HubClient.Response unconfirmed = client.submit("/me/recovery-code", "/me/recovery-code", Map.of());
		assertThat(unconfirmed.body()).contains("Tick the box").contains(code.group(1));

		assertThat(client.submit("/me/recovery-code", "/me/recovery-code", Map.of("kept", "yes")).location())
			.as("the welcome wizard comes next")
			.isEqualTo("/me/welcome");
		HubClient.Response again = client.get("/me/recovery-code");
		assertThat(again.location()).isEqualTo("/me");
		assertThat(RawStorage.whereFound(jdbc, code.group(1).replace("-", ""))).isEmpty();
		assertThat(RawStorage.whereFound(jdbc, code.group(1))).isEmpty();
	}

	@Test
	void somethingSealedWhileThePersonIsAwayOpensAfterTheySignIn() {
		String email = Hub.uniqueEmail("away");
		HubClient ann = Hub.person(port, email);
		UUID annId = accountId(email);
		ann.submit("/me/vault", "/logout", Map.of());
		String marker = "INVOICE-" + UUID.randomUUID();

		inbox.seal(annId, "invoice", "Rail pass " + marker,
				("Total 120 EUR " + marker).getBytes(StandardCharsets.UTF_8));

		assertThat(RawStorage.whereFound(jdbc, marker)).as("the hub stores only ciphertext").isEmpty();
		assertThat(RawStorage.tables(jdbc)).contains("vault_sealed_item", "vault_keyring");
		HubClient back = Hub.signIn(port, email, Hub.PASSWORD);
		assertThat(back.get("/me/vault").body()).contains("Rail pass " + marker);
	}

	@Test
	void aClosedVaultAsksForThePasswordAndOnlyTheRightOneOpensIt() {
		String email = Hub.uniqueEmail("locked");
		HubClient ann = Hub.person(port, email);
		openVaults.closeAll(accountId(email));

		assertThat(ann.get("/me/vault").location()).isEqualTo("/me/vault/unlock");
		HubClient.Response wrong = ann.submit("/me/vault/unlock", "/me/vault/unlock",
				Map.of("password", "not my password"));
		assertThat(wrong.body()).contains("This password does not open your vault.");
		assertThat(ann.get("/me/vault").location()).isEqualTo("/me/vault/unlock");

		HubClient.Response right = ann.submit("/me/vault/unlock", "/me/vault/unlock", Map.of("password", Hub.PASSWORD));
		assertThat(right.location()).isEqualTo("/me/vault");
		assertThat(ann.get("/me/vault").status()).isEqualTo(200);
	}

	@Test
	void aPasswordChangeKeepsTheVaultReadableAndTheOldPasswordStopsWorking() {
		String email = Hub.uniqueEmail("change");
		HubClient ann = Hub.person(port, email);
		String marker = "KEPT-" + UUID.randomUUID();
		inbox.seal(accountId(email), "message", marker, new byte[0]);

		HubClient.Response wrongCurrent = ann.submit("/account/password", "/account/password",
				Map.of("currentPassword", "not the password", "newPassword", "gravel lantern otter 9"));
		assertThat(wrongCurrent.body()).contains("This is not your current password.");
		HubClient.Response weak = ann.submit("/account/password", "/account/password",
				Map.of("currentPassword", Hub.PASSWORD, "newPassword", "password1234"));
		assertThat(weak.body()).contains("too easy to guess");

		HubClient.Response changed = ann.submit("/account/password", "/account/password",
				Map.of("currentPassword", Hub.PASSWORD, "newPassword", "gravel lantern otter 9"));
		assertThat(changed.location()).isEqualTo("/account/password?changed");

		assertThat(Hub.signIn(port, email, Hub.PASSWORD).get("/me").status()).isEqualTo(302);
		HubClient again = Hub.signIn(port, email, "gravel lantern otter 9");
		assertThat(again.get("/me/vault").body()).contains(marker);
	}

	@Test
	void theRecoveryCodeSetsANewPasswordAndOpensTheVault() {
		String email = Hub.uniqueEmail("forgot");
		HubClient client = new HubClient(port);
		client.submit("/signup", "/signup", Map.of("email", email, "displayName", "Fo", "password", Hub.PASSWORD));
		Matcher code = CODE.matcher(client.get("/me/recovery-code").body());
		assertThat(code.find()).isTrue();
		String marker = "RECOVERED-" + UUID.randomUUID();
		inbox.seal(accountId(email), "message", marker, new byte[0]);

		HubClient stranger = new HubClient(port);
		HubClient.Response wrongCode = stranger.submit("/recover", "/recover", Map.of("email", email, "recoveryCode",
				"AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", "newPassword", "stolen river moss 4"));
		assertThat(wrongCode.body()).contains("do not match");
		HubClient.Response unknownEmail = stranger.submit("/recover", "/recover", Map.of("email",
				Hub.uniqueEmail("nobody"), "recoveryCode", code.group(1), "newPassword", "stolen river moss 4"));
		assertThat(unknownEmail.body()).contains("do not match");
		assertThat(Hub.signIn(port, email, Hub.PASSWORD).get("/me").status()).as("nothing changed").isEqualTo(200);

		HubClient owner = new HubClient(port);
		HubClient.Response recovered = owner.submit("/recover", "/recover", Map.of("email", email, "recoveryCode",
				code.group(1).toLowerCase(), "newPassword", "quiet harbour lamp 61"));
		assertThat(recovered.location()).isEqualTo("/me");
		assertThat(owner.get("/me/vault").body()).contains(marker);
		assertThat(Hub.signIn(port, email, "quiet harbour lamp 61").get("/me/vault").body()).contains(marker);
		assertThat(Hub.signIn(port, email, Hub.PASSWORD).get("/me").status()).isEqualTo(302);
	}

	@Test
	void personACannotOpenPersonBsVault() {
		String bobEmail = Hub.uniqueEmail("bob");
		Hub.person(port, bobEmail);
		String marker = "BOB-ONLY-" + UUID.randomUUID();
		inbox.seal(accountId(bobEmail), "message", marker, new byte[0]);

		HubClient ann = Hub.person(port);
		assertThat(ann.get("/me/vault").body()).doesNotContain(marker);
		HubClient.Response withBobsPassword = ann.submit("/me/vault/unlock", "/me/vault/unlock",
				Map.of("password", Hub.PASSWORD));
		assertThat(ann.get("/me/vault").body()).doesNotContain(marker);
		assertThat(withBobsPassword.status()).isIn(200, 302);
	}

	private UUID accountId(String email) {
		return jdbc.queryForObject("SELECT id FROM account WHERE email = ?", UUID.class, email);
	}

}
