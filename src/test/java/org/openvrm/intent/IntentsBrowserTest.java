package org.openvrm.intent;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.intent.Market.JSON;
import static org.openvrm.intent.Market.json;

/**
 * In Chromium: a vendor member subscribes in the console; the person writes the holiday
 * intent in the form and publishes it; the member accepts its terms and offers from the
 * console; the person compares, stops taking new offers (the member sees it), and
 * accepts; the vendor then reads the disclosed e-mail address.
 */
@HubTest
class IntentsBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void thePersonPublishesTheHolidayIntentAndAcceptsAnOfferMadeInTheConsole() {
		String annEmail = Hub.uniqueEmail("ann");
		HubClient ann = Hub.person(port, annEmail);
		String shared = Hub.uniqueEmail("holiday");
		json(ann.sendJson("POST", "/api/v1/me/records",
				JSON.writeValueAsString(Map.of("kind", "EMAIL", "fields", Map.of("address", shared)))), 201);
		String vendorEmail = Hub.uniqueEmail("vendor");
		String vendorName = "Sea and Rail " + UUID.randomUUID().toString().substring(0, 6);
		HubClient vendor = Hub.vendorAdmin(port, vendorName, vendorEmail);

		try (Browser member = Browser.open(port, "en"); Browser person = Browser.open(port, "en")) {
			member.go("/login")
				.type("username", vendorEmail)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			member.waitForPath("/console");
			member.clickLink("Subscriptions");
			member.type("name", "Beach holidays by train")
				.type("categories", "travel.package-holidays")
				.type("regions", "FR")
				.type("conditions", "transport in train, coach")
				.type("acceptedTerms", "SD-BASE, PDC-AI, NO-STALKING")
				.click(By.id("subscribe"));
			assertThat(member.waitFor(By.id("subscriptions")).getText()).contains("Beach holidays by train")
				.contains("transport in train, coach");

			person.go("/login")
				.type("username", annEmail)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			person.waitForPath("/me");
			person.clickLink("Intents").click(By.id("new-intent"));
			HolidayForm.fill(person);
			person.click(By.id("publish"));
			assertThat(person.waitFor(By.id("state")).getText()).isEqualTo("Published");
			String pseudonym = person.text().replaceAll("(?s).*Vendors see you as (buyer-[a-z0-9]+).*", "$1");

			member.clickLink("Intents");
			assertThat(member.waitFor(By.id("console-intents")).getText()).contains(pseudonym);
			member.clickLink("Train holiday by the sea, south of France");
			assertThat(member.text()).doesNotContain(annEmail).doesNotContain(shared);
			member.click(By.id("agree"));
			assertThat(member.waitFor(By.id("done")).getText()).contains("Terms accepted");
			member.type("price", "3200")
				.type("included", "Return trains via Roosendaal, 14 nights in a sea-view apartment");
			for (String key : new String[] { "transport", "border-crossing", "accommodation", "near-sea" }) {
				member.driver().findElement(By.name("met." + key)).click();
			}
			member.click(By.id("send-offer"));
			assertThat(member.waitFor(By.id("my-offer")).getText()).contains("3,200.00");

			person.go(person.path());
			String offers = person.waitFor(By.id("offers")).getText();
			assertThat(offers).contains(vendorName).contains("Required 4/4, nice to have 0/1");
			person.click(By.id("shortlist"));
			assertThat(person.waitFor(By.id("shortlisted")).getText()).isEqualTo("No new offers");
			assertThat(person.text()).contains("Take offers again");
			member.go(member.path());
			assertThat(member.waitFor(By.id("no-new-offers")).getText()).contains("choosing among the offers in");
			person.click(By.cssSelector("#offers button.accept"));
			assertThat(person.waitFor(By.id("done")).getText()).contains("Offer accepted");
			assertThat(person.waitFor(By.id("state")).getText()).isEqualTo("Offer accepted");
		}

		JsonNode accepted = json(vendor.get("/api/v1/vendor/events?limit=200"), 200).valueStream()
			.filter(e -> e.get("type").asString().equals("offer.accepted"))
			.findFirst()
			.orElseThrow();
		String customerRef = accepted.get("data").get("customerRef").asString();
		assertThat(json(vendor.get("/api/v1/vendor/relationships/" + customerRef + "/data"), 200).toString())
			.contains(shared);
	}

	@Test
	void theIntentFormSuggestsTheWordsOfTheChosenCategory() {
		String annEmail = Hub.uniqueEmail("ann");
		Hub.person(port, annEmail);
		try (Browser person = Browser.open(port, "fr")) {
			person.go("/login")
				.type("username", annEmail)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			person.waitForPath("/me");
			person.go("/me/intents/new");
			new Select(person.driver().findElement(By.id("category"))).selectByValue("travel.package-holidays.beach");
			// htmx swaps in the category's suggestions: the travel words and the beach's
			// own, in French
			new WebDriverWait(person.driver(), Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector("#attribute-keys option[value='near-sea']")).isEmpty());
			assertThat(optionLabel(person, "attribute-keys", "transport")).isEqualTo("Transport");
			assertThat(person.driver().findElements(By.cssSelector("#attribute-keys option[value='data-volume']")))
				.isEmpty();

			person.driver().findElement(By.name("attributes[0].key")).sendKeys("transport");
			WebElement value = person.driver().findElement(By.name("attributes[0].value"));
			new WebDriverWait(person.driver(), Duration.ofSeconds(5))
				.until(d -> "values-transport".equals(value.getDomAttribute("list")));
			assertThat(optionLabel(person, "values-transport", "train")).isEqualTo("Train");

			new Select(person.driver().findElement(By.id("category"))).selectByValue("telecom.mobile.subscription");
			new WebDriverWait(person.driver(), Duration.ofSeconds(10))
				.until(d -> d.findElements(By.cssSelector("#attribute-keys option[value='near-sea']")).isEmpty());
			assertThat(person.driver().findElements(By.cssSelector("#attribute-keys option[value='data-volume']")))
				.isNotEmpty();
		}
	}

	private static String optionLabel(Browser browser, String list, String value) {
		return browser.driver()
			.findElement(By.cssSelector("#" + list + " option[value='" + value + "']"))
			.getDomProperty("label");
	}

}
