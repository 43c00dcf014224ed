package org.openvrm.mailbox;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.Correspondents.Relation;
import org.openvrm.mailbox.Correspondents.Vendor;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.mailbox.Correspondents.json;

/**
 * The mailbox in Chromium: reading and answering a vendor's message; declaring an
 * interest and accepting an introduction.
 */
@HubTest
class MailboxBrowserTest {

	@LocalServerPort
	int port;

	static void signIn(Browser browser, String email) {
		browser.go("/login")
			.type("username", email)
			.type("password", Hub.PASSWORD)
			.click(By.cssSelector("#login-form button[type=submit]"));
		browser.waitFor(By.tagName("h1"));
	}

	@Test
	void aPersonReadsAVendorsMessageAndReplies() {
		Person ann = Correspondents.person(port);
		Vendor heating = Correspondents.vendor(port, "Heating");
		Relation relation = Correspondents.relate(ann, heating);
		json(heating.call("POST", "/api/v1/vendor/relationships/" + relation.ref() + "/messages",
				Map.of("subject", "Boiler service", "body", "Your boiler service is booked for Tuesday at 9.")), 201);
		try (Browser browser = Browser.open(port, "en")) {
			signIn(browser, ann.email());
			browser.click(By.id("nav-inbox"));
			String messages = browser.waitFor(By.id("messages")).getText();
			assertThat(messages).contains(heating.name())
				.contains("Boiler service")
				.contains("booked for Tuesday")
				.contains("new");

			browser.click(By.cssSelector("#messages a"));
			assertThat(browser.waitFor(By.id("thread")).getText())
				.contains("Your boiler service is booked for Tuesday at 9.");
			browser.type("body", "Tuesday is fine, the door code is with the neighbour.");
			browser.click(By.id("send-reply"));
			assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("Sent.");
			assertThat(browser.waitFor(By.id("thread")).getText()).contains("Tuesday is fine");
		}
		JsonNode thread = json(
				heating.call("GET", "/api/v1/vendor/relationships/" + relation.ref() + "/messages", null), 200);
		assertThat(thread.findValuesAsString("body")).contains("Tuesday is fine, the door code is with the neighbour.");
	}

	@Test
	void aPersonDeclaresAnInterestAVendorMemberIntroducesItselfAndThePersonAccepts() {
		Person ann = Correspondents.person(port);
		Vendor sailing = Correspondents.vendor(port, "Sailing");
		sailing.subscribe("travel");
		try (Browser person = Browser.open(port, "en"); Browser vendor = Browser.open(port, "en")) {
			signIn(person, ann.email());
			person.go("/me/interests");
			new Select(person.waitFor(By.id("category"))).selectByValue("travel.accommodation");
			new Select(person.driver().findElement(By.id("region"))).selectByValue("NL");
			person.type("description", "A week on a sailing boat in Friesland");
			person.driver().findElement(By.id("open-to-introductions")).click();
			person.click(By.id("declare"));
			assertThat(person.waitFor(By.id("interests")).getText()).contains("travel.accommodation").contains("open");

			signIn(vendor, sailing.email());
			vendor.go("/console/interests");
			String interests = vendor.waitFor(By.id("console-interest-list")).getText();
			assertThat(interests).contains("A week on a sailing boat in Friesland").doesNotContain(ann.email());
			vendor.driver()
				.findElement(By.cssSelector("#console-interest-list textarea"))
				.sendKeys("We rent sailing boats in Friesland, skipper included.");
			vendor.driver()
				.findElements(By.cssSelector("#console-interest-list input[type=checkbox]"))
				.forEach(box -> box.click());
			vendor.click(By.cssSelector("#console-interest-list button.introduce"));
			assertThat(vendor.waitFor(By.id("done")).getText()).isEqualTo("Introduction sent.");

			person.go("/me/interests");
			assertThat(person.waitFor(By.id("introduction-list")).getText()).contains(sailing.name())
				.contains("skipper included");
			person.click(By.cssSelector("#introduction-list button.accept-introduction"));
			assertThat(person.waitFor(By.id("done")).getText()).contains("Introduction accepted");
			assertThat(person.heading()).contains(sailing.name());

			vendor.go("/console/interests");
			assertThat(vendor.waitFor(By.id("console-introductions")).getText()).contains("Accepted").contains("cus_");
		}
	}

}
