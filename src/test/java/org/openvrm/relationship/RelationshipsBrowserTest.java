package org.openvrm.relationship;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendors and terms in Chromium: a person sorts vendors from the directory; a vendor
 * member accepts terms in the console.
 */
@HubTest
class RelationshipsBrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aPersonMarksOneVendorFavouriteAndBlocksAnother() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Hub.vendorAdmin(port, "Sea View Flats " + suffix, Hub.uniqueEmail("flats"));
		HubClient spammer = Hub.vendorAdmin(port, "Loud Offers " + suffix, Hub.uniqueEmail("loud"));
		try (Browser browser = Browser.open(port, "en")) {
			browser.signUpPerson("Fien", Hub.uniqueEmail("fien"));

			browser.clickLink("My vendors").clickLink("Find a vendor on the hub");
			browser.type("text", "Sea View Flats " + suffix)
				.click(By.cssSelector("#directory-form button[type=submit]"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(d -> d.getCurrentUrl().contains("text=") && !browser.text().contains("Loud Offers " + suffix));
			browser.clickLink("Sea View Flats " + suffix);
			assertThat(browser.waitFor(By.id("verification")).getText()).isEqualTo("Not verified");
			browser.click(By.cssSelector("#favourite-form button"));
			assertThat(browser.waitFor(By.id("status")).getText()).isEqualTo("Favourite");

			browser.go("/vendors?text=" + "Loud+Offers+" + suffix).clickLink("Loud Offers " + suffix);
			browser.click(By.cssSelector("#block-form button"));
			assertThat(browser.waitFor(By.id("status")).getText()).isEqualTo("Blocked");

			browser.clickLink("All your vendors");
			assertThat(browser.waitFor(By.id("relationships")).getText()).contains("Sea View Flats " + suffix)
				.contains("Loud Offers " + suffix);
			browser.clickLink("Blocked");
			assertThat(browser.waitFor(By.id("relationships")).getText()).contains("Loud Offers " + suffix)
				.doesNotContain("Sea View Flats");
		}
		assertThat(spammer.get("/api/v1/vendor/relationships").body()).isEqualTo("[]");
	}

	@Test
	void aVendorMemberAcceptsAPersonsTermsInTheConsole() {
		String email = Hub.uniqueEmail("rail");
		HubClient vendor = Hub.vendorAdmin(port, "Night Trains " + UUID.randomUUID().toString().substring(0, 6), email);
		String vendorId = JSON.readTree(vendor.get("/api/v1/vendor/profile").body()).get("id").asString();
		HubClient person = Hub.person(port);
		String relationship = JSON
			.readTree(person.sendJson("POST", "/api/v1/me/relationships", "{\"vendorId\":\"" + vendorId + "\"}").body())
			.get("id")
			.asString();

		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/login")
				.type("username", email)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			browser.waitForPath("/console");
			browser.clickLink("Agreements");
			assertThat(browser.waitFor(By.id("proffered")).getText()).contains("SD-BASE").contains("NO-STALKING");
			browser.click(By.id("accept-SD-BASE"));
			assertThat(browser.waitFor(By.cssSelector("p.notice")).getText()).contains("Accepted");
			assertThat(browser.waitFor(By.id("decided")).getText()).contains("SD-BASE").contains("accepted");
			assertThat(browser.driver()
				.findElement(By.id("decided"))
				.findElement(By.linkText("Download the signed record"))
				.getAttribute("href")).contains("/api/v1/vendor/agreements/");
		}
		assertThat(person.get("/api/v1/me/relationships/" + relationship + "/agreements").body())
			.contains("\"agreementId\":\"SD-BASE\"")
			.contains("\"state\":\"ACCEPTED\"");
	}

}
