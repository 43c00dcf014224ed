package org.openvrm.account;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openvrm.Browser;
import org.openvrm.Hub;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person registers a passkey in settings and signs in with it, in Chromium with a
 * virtual authenticator. WebAuthn checks the origin including its port, so this hub runs
 * on a fixed, free port that the allowed origins name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserTest {

	static final int PORT = freePort();

	@DynamicPropertySource
	static void fixedOrigin(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("openvrm.webauthn.rp-id", () -> "localhost");
		registry.add("openvrm.webauthn.allowed-origins", () -> "http://localhost:" + PORT);
	}

	@Test
	void aPersonAddsAPasskeyAndSignsInWithItInsteadOfAPassword() {
		try (Browser browser = Browser.open(PORT, "en")) {
			VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
					new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
						.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
						.setHasResidentKey(true)
						.setHasUserVerification(true)
						.setIsUserVerified(true));
			browser.signUpPerson("Pat Key", Hub.uniqueEmail("passkey"));

			browser.clickLink("Passkeys").type("label", "Test laptop").click(By.id("register"));
			browser.waitFor(By.id("passkeys"));
			assertThat(browser.text()).contains("Your passkeys were updated.").contains("Test laptop");
			assertThat(authenticator.getCredentials()).hasSize(1);

			browser.click(By.cssSelector("header form button[type=submit]"));
			browser.waitForPath("/");
			browser.go("/login");
			browser.waitFor(By.id("passkey-signin")).click();

			browser.waitForPath("/me");
			assertThat(browser.heading()).isEqualTo("Welcome, Pat Key");
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
