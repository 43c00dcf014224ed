package org.openvrm;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal data screens in Chromium: add a record, change it, see its history. */
@HubTest
class VaultBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aPersonAddsAnAddressChangesItAndSeesTheHistory() {
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/signup")
				.type("email", Hub.uniqueEmail("records"))
				.type("displayName", "Rhea")
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#signup-form button[type=submit]"));
			browser.keepRecoveryCode();
			browser.waitForPath("/me");

			browser.clickLink("Personal data");
			assertThat(browser.heading()).isEqualTo("Your personal data");
			browser.clickLink("Postal address");
			browser.type("field-street", "Zeedijk 12").type("field-city", "Oostende").type("field-country", "BE");
			browser.click(By.cssSelector("#record-form button[type=submit]"));

			browser.waitForPath("/me/records");
			assertThat(browser.waitFor(By.id("records")).getText()).contains("Zeedijk 12").contains("Oostende");

			browser.clickLink("Edit");
			browser.type("field-street", "Zeedijk 14").click(By.cssSelector("#record-form button[type=submit]"));
			browser.waitForPath("/me/records");
			assertThat(browser.waitFor(By.id("records")).getText()).contains("Zeedijk 14").doesNotContain("Zeedijk 12");

			browser.clickLink("Edit");
			assertThat(browser.waitFor(By.id("history")).getText()).contains("Version 2").contains("Zeedijk 12");
		}
	}

	@Test
	void aDateInTheWrongFormatIsExplainedNextToTheForm() {
		try (Browser browser = Browser.open(port, "fr")) {
			browser.go("/signup")
				.type("email", Hub.uniqueEmail("date"))
				.type("displayName", "Dora")
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#signup-form button[type=submit]"));
			browser.keepRecoveryCode();
			browser.waitForPath("/me");

			browser.go("/me/records/new?kind=MEMBERSHIP");
			browser.type("field-organisation", "NS Voordeelurenabonnement");
			// A browser's date input takes only valid dates, so an invalid one is sent as the page's JS-free form would.
			((org.openqa.selenium.JavascriptExecutor) browser.driver())
				.executeScript("document.getElementById('field-valid-until').type='text';");
			browser.type("field-valid-until", "31/12/2027").click(By.cssSelector("#record-form button[type=submit]"));

			assertThat(browser.waitFor(By.cssSelector("p.error")).getText()).contains("AAAA-MM-JJ");
			assertThat(browser.language()).isEqualTo("fr");
		}
	}
}
