package org.openvrm.consent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openvrm.Browser;
import org.openvrm.HubTest;
import org.openvrm.Hub;
import org.openvrm.vault.EInvoiceSamples;

import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.consent.SharingFixture.json;

/**
 * Sharing in Chromium: a request approved in part, a grant revoked and the reads in the
 * access log, a pushed invoice and the spending chart.
 */
@HubTest
class SharingBrowserTest {

	@LocalServerPort
	int port;

	static void signIn(Browser browser, SharingFixture fixture) {
		browser.go("/login")
			.type("username", fixture.personEmail)
			.type("password", Hub.PASSWORD)
			.click(By.cssSelector("#login-form button[type=submit]"));
		browser.waitForPath("/me");
	}

	@Test
	void aPersonApprovesARequestInPartThenRevokesTheGrantAndSeesTheReadsInTheAccessLog() {
		SharingFixture ann = new SharingFixture(port);
		String requestId = DataRequestsIntegrationTest.ask(ann, List.of("email.address", "phone.number"), "billing");
		try (Browser browser = Browser.open(port, "en")) {
			signIn(browser, ann);
			assertThat(browser.text()).contains(ann.vendorName + " asks for email.address, phone.number");
			browser.clickLink("Sharing");
			assertThat(browser.waitFor(By.id("request-" + requestId)).getText()).contains("To send your invoices.");
			browser.driver().findElement(By.id("req-" + requestId + "-phone.number")).click();
			browser.click(By.cssSelector("#request-" + requestId + " form.approve button"));
			String grants = browser.waitFor(By.id("active-grants")).getText();
			assertThat(grants).contains(ann.vendorName).contains("email.address").doesNotContain("phone.number");

			JsonNode read = json(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data"), 200);
			assertThat(read.get("grants").get(0).get("fields").toString()).contains(ann.email).doesNotContain("+32");
			String grantId = read.get("grants").get(0).get("grant").asString();

			browser.click(By.id("revoke-" + grantId));
			assertThat(browser.waitFor(By.id("ended-grants")).getText()).contains(ann.vendorName).contains("revoked");
			assertThat(ann.vendor.get("/api/v1/vendor/relationships/" + ann.ref + "/data").status()).isEqualTo(410);

			browser.click(By.id("access-log-link"));
			assertThat(browser.waitFor(By.id("access-log")).getText()).contains(ann.vendorName)
				.contains("email.address")
				.contains("member:");
			browser.go("/me/sharing");
			browser.click(By.cssSelector("#receipts a"));
			assertThat(browser.waitFor(By.id("claims")).getText()).contains("KI-CR-v1.1.0").contains("withdrawn");
		}
	}

	@Test
	void aPushedInvoiceIsFiledAtSignInAndShowsInTheSpendingChart() {
		SharingFixture ann = new SharingFixture(port);
		json(ann.push(ann.token("documents:write"), ann.ref, "invoice", "ubl.xml", "application/xml",
				EInvoiceSamples.ubl(ann.vendorName)), 202);
		try (Browser browser = Browser.open(port, "en")) {
			signIn(browser, ann);
			browser.go("/me/invoices");
			assertThat(browser.text()).contains("UBL-7781");
			browser.clickLink("My vendors").clickLink(ann.vendorName);
			browser.waitFor(By.id("spending-chart"));
			assertThat(browser.driver().findElements(By.cssSelector("#spending-chart rect.bar"))).hasSize(1);
			assertThat(browser.waitFor(By.id("spending-table")).getText()).contains("October 2026").contains("36.30");
		}
	}

	@Test
	void aVendorMemberAsksForDataAndSendsADocumentFromTheConsole() throws Exception {
		SharingFixture ann = new SharingFixture(port);
		Path contract = Files.createTempFile("contract", ".pdf");
		Files.write(contract, "%PDF-1.4 the contract".getBytes());
		try (Browser browser = Browser.open(port, "en")) {
			browser.go("/login")
				.type("username", ann.vendorEmail)
				.type("password", Hub.PASSWORD)
				.click(By.cssSelector("#login-form button[type=submit]"));
			browser.waitForPath("/console");
			browser.clickLink("Data and documents");
			browser.type("ask-fields", "email.address, postal-address.city")
				.type("ask-reason", "For the delivery.")
				.click(By.cssSelector("#ask-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("done")).getText()).contains("sent to the customer");
			assertThat(browser.waitFor(By.id("vendor-requests")).getText()).contains(ann.ref)
				.contains("postal-address.city")
				.contains("waiting");

			browser.driver().findElement(By.id("push-file")).sendKeys(contract.toString());
			new Select(browser.driver().findElement(By.id("push-kind"))).selectByValue("contract");
			browser.type("push-title", "Your new contract").click(By.cssSelector("#push-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("done")).getText()).contains("sealed to the customer");

			browser.click(By.cssSelector("#read-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("data-problem")).getText()).contains("has not shared anything");
		}
		finally {
			Files.deleteIfExists(contract);
		}
		assertThat(json(ann.person.get("/api/v1/me/data-requests?state=pending"), 200).get(0).get("reason").asString())
			.isEqualTo("For the delivery.");
	}

}
