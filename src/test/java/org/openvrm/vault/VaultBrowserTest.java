package org.openvrm.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;

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
			browser.signUpPerson("Rhea", Hub.uniqueEmail("records"));

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
	void aPersonUploadsADocumentFindsItByTagDownloadsItAndSeesAContractDeadlineOnTheDashboard() throws Exception {
		Path file = Files.createTempFile("warranty", ".txt");
		Files.writeString(file, "Warranty for the washing machine, 2 years");
		try (Browser browser = Browser.open(port, "en")) {
			browser.signUpPerson("Wim", Hub.uniqueEmail("docs"));

			browser.clickLink("Documents");
			browser.driver().findElement(By.id("file")).sendKeys(file.toString());
			browser.type("title", "Washing machine warranty").type("tags", "home, appliances");
			new Select(browser.driver().findElement(By.id("category"))).selectByValue("WARRANTY");
			browser.click(By.cssSelector("#upload-form button[type=submit]"));
			browser.waitForPath("/me/documents");

			browser.type("tag", "appliances").click(By.cssSelector("#search-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("documents")).getText()).contains("Washing machine warranty")
				.contains("Warranty");
			browser.clickLink("Washing machine warranty");
			String href = browser.waitFor(By.id("download")).getAttribute("href");
			Object downloaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
					"const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
					href);
			assertThat(downloaded).isEqualTo("Warranty for the washing machine, 2 years");

			browser.clickLink("Contracts");
			browser.clickLink("Add a contract");
			browser.type("counterparty", "Energy Co").type("title", "Electricity");
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('end').value = arguments[0];", LocalDate.now().plusDays(45).toString());
			browser.type("noticeDays", "30").click(By.cssSelector("#contract-form button[type=submit]"));
			browser.waitForPath("/me/contracts");
			assertThat(browser.waitFor(By.id("deadlines-soon")).getText()).contains("Electricity (Energy Co)");

			browser.click(By.id("nav-dashboard"));
			assertThat(browser.waitFor(By.cssSelector("#decisions [data-type=contract]")).getText())
				.contains("Electricity")
				.contains("with Energy Co: give notice by")
				.contains("Ask the market");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aDateInTheWrongFormatIsExplainedNextToTheForm() {
		try (Browser browser = Browser.open(port, "fr")) {
			browser.signUpPerson("Dora", Hub.uniqueEmail("date"));

			browser.go("/me/records/new?kind=MEMBERSHIP");
			browser.type("field-organisation", "NS Voordeelurenabonnement");
			// A browser's date input takes only valid dates, so an invalid one is sent as
			// the page's JS-free form would.
			((JavascriptExecutor) browser.driver())
				.executeScript("document.getElementById('field-valid-until').type='text';");
			browser.type("field-valid-until", "31/12/2027").click(By.cssSelector("#record-form button[type=submit]"));

			assertThat(browser.waitFor(By.cssSelector("p.error")).getText()).contains("AAAA-MM-JJ");
			assertThat(browser.language()).isEqualTo("fr");
		}
	}

}
