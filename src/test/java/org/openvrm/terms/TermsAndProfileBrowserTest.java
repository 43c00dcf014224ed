package org.openvrm.terms;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The terms page of a person and the public profile of a vendor, in Chromium. */
@HubTest
class TermsAndProfileBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aPersonReadsAnAgreementAndChoosesTheirTermsInFrench() {
		try (Browser browser = Browser.open(port, "fr")) {
			browser.signUpPerson("Lou", Hub.uniqueEmail("lou"));

			browser.clickLink("Mes conditions");
			assertThat(browser.text()).contains("Vous n'avez pas encore choisi");
			browser.click(By.cssSelector("#terms-form a[href='/terms/PDC-INTENT']"));
			assertThat(browser.heading()).isEqualTo("Données pour cette demande uniquement");
			assertThat(browser.waitFor(By.id("full-text")).getText()).contains("PDC-INTENT, version 1");
			browser.driver().navigate().back();

			browser.click(By.id("agreement-SD-BASE"));
			browser.click(By.id("agreement-SD-BASE-DP"));
			browser.click(By.cssSelector("#terms-form button[type=submit]"));
			assertThat(browser.waitFor(By.cssSelector("p.notice")).getText())
				.isEqualTo("Vos conditions sont enregistrées.");
			assertThat(browser.driver().findElement(By.id("agreement-SD-BASE-DP")).isSelected()).isTrue();
			assertThat(browser.driver().findElement(By.id("agreement-SD-BASE")).isSelected()).isFalse();
		}
	}

	@Test
	void aVendorAdminDescribesTheOrganisationAndPeopleFindItInTheDirectory() {
		String name = "Gîtes du Midi " + UUID.randomUUID().toString().substring(0, 6);
		String email = Hub.uniqueEmail("gites");
		Hub.vendorAdmin(port, name, email);
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/login")
				.type("username", email)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			browser.waitForPath("/console");

			browser.clickLink("Public profile");
			browser.type("description", "Holiday homes near the sea in Occitania")
				.type("website", "https://gites.example");
			new Select(browser.driver().findElement(By.id("categories"))).selectByValue("travel.accommodation");
			new Select(browser.driver().findElement(By.id("regions"))).selectByValue("FR-OCC");
			browser.click(By.id("terms-SD-BASE"));
			browser.click(By.cssSelector("#profile-form button[type=submit]"));
			assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).isEqualTo("The profile is saved.");

			browser.go("/vendors?category=travel&region=FR");
			assertThat(browser.waitFor(By.id("vendors")).getText()).contains(name).contains("Not verified");
			browser.clickLink(name);
			assertThat(browser.text()).contains("Holiday homes near the sea").contains("Occitania").contains("SD-BASE");
		}
	}

}
