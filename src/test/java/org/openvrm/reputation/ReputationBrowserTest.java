package org.openvrm.reputation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.intent.Market;
import org.openvrm.intent.Market.Bidder;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.json;

/**
 * In Chromium: after accepting an offer, the person rates the vendor on the relationship
 * page and sees the vendor's figures change, on the vendor's page and beside the offer;
 * the text typed with markup comes back as text.
 */
@HubTest
class ReputationBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void afterAnAcceptedOfferThePersonRatesTheVendorAndSeesItsStandingChange() {
		String email = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, email);
		Bidder vendor = Market.bidder(port, "Rated");
		vendor.subscribe(Market.subscription("Travel", List.of("travel"), List.of(), List.of()));
		JsonNode intent = json(
				ann.sendJson("POST", "/api/v1/me/intents?publish=true", JSON.writeValueAsString(Market.holiday())),
				201);
		String ref = intent.get("ref").asString();
		vendor.agree(ref);
		json(vendor.offer(ref, Market.offer(3000, "EUR", Map.of())), 201);

		try (Browser person = Browser.open(port, "en")) {
			person.go("/login")
				.type("username", email)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			person.waitForPath("/me");
			person.go("/vendors/" + vendor.vendorId());
			assertThat(person.waitFor(By.id("bayesian")).getText()).isEqualTo("No ratings yet");
			assertThat(person.waitFor(By.id("rating-count")).getText()).isEqualTo("0");

			person.go("/me/intents/" + intent.get("id").asString());
			assertThat(person.waitFor(By.cssSelector("#offers td.reputation")).getText()).contains("No ratings yet");
			person.click(By.cssSelector("#offers button.accept"));
			assertThat(person.waitFor(By.id("done")).getText()).contains("Offer accepted");

			person.clickLink("My vendors").clickLink(vendor.name());
			assertThat(person.waitFor(By.id("rating-why")).getText())
				.contains("You accepted an offer from this vendor");
			person.click(By.id("stars-5"));
			person.type("rating-text", "Lovely trip <script>alert(1)</script>");
			person.click(By.id("rating-submit"));
			assertThat(person.waitFor(By.id("rating-done")).getText()).contains("Your rating is saved.");
			assertThat(person.waitFor(By.id("my-rating-text")).getText())
				.isEqualTo("Lovely trip <script>alert(1)</script>");

			person.go("/vendors/" + vendor.vendorId());
			// (10 × 3 + 5) / (10 + 1)
			assertThat(person.waitFor(By.id("bayesian")).getText()).isEqualTo("3.18 out of 5");
			assertThat(person.waitFor(By.id("mean")).getText()).isEqualTo("5.00 out of 5");
			assertThat(person.waitFor(By.id("rating-count")).getText()).isEqualTo("1");
			assertThat(person.waitFor(By.id("ratings")).getText()).contains("Lovely trip <script>alert(1)</script>");

			person.go("/me/intents/" + intent.get("id").asString() + "?sort=reputation");
			assertThat(person.waitFor(By.cssSelector("#offers td.reputation")).getText())
				.contains("3.18 out of 5 (1 ratings)");
		}
	}

}
