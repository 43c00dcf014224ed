package org.openvrm.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The welcome wizard in Chromium: with its default answers, a favourite vendor's request
 * for the e-mail and billing address is approved while the person is away, a marketing
 * request is declined, and the person finds both in the week's summary on the dashboard,
 * not on the list of decisions.
 */
@HubTest
class PoliciesBrowserTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theWizardsDefaultsSettleABillingRequestAndAMarketingRequestWithoutThePerson() {
		String email = Hub.uniqueEmail("ann");
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/signup")
				.type("email", email)
				.type("displayName", "Ann")
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#signup-form button[type=submit]"));
			browser.keepRecoveryCodeOnly();
			browser.waitForPath("/me/welcome");
			assertThat(browser.heading()).isEqualTo("Let the hub do the routine work");
			assertThat(browser.driver().findElement(By.id("approveBilling")).isSelected()).isTrue();
			assertThat(browser.driver().findElement(By.id("declineMarketing")).isSelected()).isTrue();
			assertThat(browser.driver().findElement(By.id("summaryMail")).isSelected()).isFalse();
			browser.click(By.id("welcome-apply"));
			browser.waitForPath("/me");
			assertThat(browser.waitFor(By.id("done")).getText()).contains("Your policies are set up");
			assertThat(browser.waitFor(By.id("week")).getText()).contains("Nothing yet");

			// Ann adds her data and a favourite vendor from an app (another session);
			// then she is away.
			HubClient ann = Hub.signIn(port, email, Hub.PASSWORD);
			record(ann, "EMAIL", Map.of("address", email));
			record(ann, "POSTAL_ADDRESS",
					Map.of("street", "Rue Haute 1", "postal-code", "1000", "city", "Brussels", "country", "BE"));
			HubClient shop = Hub.vendorAdmin(port, "Sea View Flats " + UUID.randomUUID().toString().substring(0, 6),
					Hub.uniqueEmail("shop"));
			String vendorId = json(shop.get("/api/v1/vendor/profile"), 200).get("id").asString();
			String ref = json(ann.sendJson("POST", "/api/v1/me/relationships",
					"{\"vendorId\":\"" + vendorId + "\",\"status\":\"FAVOURITE\"}"), 201)
				.get("customerRef")
				.asString();
			json(shop.sendJson("POST", "/api/v1/vendor/relationships/" + ref + "/agreements/SD-BASE/accept", null),
					200);

			String billing = ask(shop, ref, List.of("email.address", "postal-address.street", "postal-address.city"),
					"billing", 365);
			String marketing = ask(shop, ref, List.of("email.address"), "marketing", 30);
			assertThat(json(shop.get("/api/v1/vendor/data-requests/" + billing), 200).get("state").asString())
				.isEqualTo("APPROVED");
			assertThat(json(shop.get("/api/v1/vendor/data-requests/" + marketing), 200).get("state").asString())
				.isEqualTo("DECLINED");
			assertThat(json(shop.get("/api/v1/vendor/relationships/" + ref + "/data"), 200).toString()).contains(email)
				.contains("Brussels");

			browser.go("/me");
			String week = browser.waitFor(By.id("week-list")).getText();
			assertThat(week).contains("Approved a data request").contains("Declined a data request");
			assertThat(browser.driver().findElements(By.cssSelector("[data-type=data-request]"))).isEmpty();
			browser.clickLink("Your policies");
			assertThat(browser.waitFor(By.id("policies")).getText()).contains("Approve requests from favourite vendors")
				.contains("Decline requests for marketing, profiling");
			assertThat(browser.waitFor(By.id("service-share-fields")).getText()).contains("email.address")
				.contains("postal-address.city");
			browser.click(By.id("apply-policies"));
			assertThat(browser.waitFor(By.id("applied")).getText())
				.isEqualTo("Your policies settled nothing that was waiting.");
		}
	}

	private static String record(HubClient person, String kind, Map<String, String> fields) {
		return json(person.sendJson("POST", "/api/v1/me/records",
				JSON.writeValueAsString(Map.of("kind", kind, "fields", fields))), 201)
			.get("id")
			.asString();
	}

	private static String ask(HubClient vendor, String ref, List<String> fields, String purpose, int days) {
		return json(vendor.sendJson("POST", "/api/v1/vendor/data-requests",
				JSON.writeValueAsString(Map.of("customerRef", ref, "agreementId", "SD-BASE", "fields", fields,
						"purpose", purpose, "durationDays", days, "reason", "For your invoices."))),
				201)
			.get("id")
			.asString();
	}

	private static JsonNode json(HubClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

}
