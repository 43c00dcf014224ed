package org.openvrm.account;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main sign-up journeys in a real headless Chromium, in English, French and Dutch.
 */
@HubTest
class SignUpBrowserTest {

	@LocalServerPort
	int port;

	@BeforeAll
	static void chromiumIsInstalled() {
		assertThat(Browser.available()).as("Debian chromium and chromium-driver (bash .ci/run installs them)").isTrue();
	}

	@Test
	void aPersonSignsUpAndLandsOnTheirDashboard() {
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/").clickLink("Sign up");
			assertThat(browser.heading()).isEqualTo("Create your account");
			signUp(browser, "Ann Example", Hub.uniqueEmail("ann"));

			browser.keepRecoveryCode();
			browser.waitForPath("/me");
			assertThat(browser.heading()).isEqualTo("Welcome, Ann Example");
			assertThat(browser.text()).contains("Signed-in sessions");
		}
	}

	@Test
	void theSameInFrenchChosenWithTheLanguageSwitch() {
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/").clickLink("Français");
			assertThat(browser.language()).isEqualTo("fr");
			browser.clickLink("Créer un compte");
			assertThat(browser.heading()).isEqualTo("Créez votre compte");
			signUp(browser, "Amélie", Hub.uniqueEmail("amelie"));

			browser.keepRecoveryCode();
			browser.waitForPath("/me");
			assertThat(browser.heading()).isEqualTo("Bienvenue, Amélie");
			assertThat(browser.text()).contains("La sécurité de votre compte");
		}
	}

	@Test
	void theSameInDutchFromTheBrowsersLanguage() {
		try (Browser browser = Browser.open(port, "nl")) {
			browser.go("/");
			assertThat(browser.language()).isEqualTo("nl");
			browser.clickLink("Account maken");
			signUp(browser, "Joost", Hub.uniqueEmail("joost"));

			browser.keepRecoveryCode();
			browser.waitForPath("/me");
			assertThat(browser.heading()).isEqualTo("Welkom, Joost");
		}
	}

	@Test
	void aWeakPasswordIsExplainedNextToTheField() {
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/signup")
				.type("email", Hub.uniqueEmail("weak"))
				.type("displayName", "Weak")
				.type("password", "password1234")
				.click(By.cssSelector("#signup-form button[type=submit]"));

			assertThat(browser.waitFor(By.id("password-help")).getText()).contains("too easy to guess");
			assertThat(browser.path()).isEqualTo("/signup");
		}
	}

	@Test
	void aVendorSignsUpAndLandsInTheVendorConsole() {
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/").clickLink("For vendors");
			browser.type("organisationName", "Riviera Rail Tours")
				.type("email", Hub.uniqueEmail("riviera"))
				.type("displayName", "Rita")
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#vendor-signup-form button[type=submit]"));

			browser.waitForPath("/console");
			assertThat(browser.heading()).isEqualTo("Riviera Rail Tours: vendor console");
			assertThat(browser.text()).contains("Invite a colleague");
		}
	}

	private static void signUp(Browser browser, String name, String email) {
		browser.type("email", email)
			.type("displayName", name)
			.type("password", Hub.PASSWORD)
			.click(By.cssSelector("#signup-form button[type=submit]"));
	}

}
