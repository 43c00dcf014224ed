package org.openvrm.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import screens in Chromium: a bank statement through its mapping and preview, then
 * an e-invoice.
 */
@HubTest
class ImportsBrowserTest {

	private static final String STATEMENT = """
			Datum;Omschrijving;Tegenpartij;Bedrag
			03/11/2026;Boodschappen week 45;Delhaize;-84,20
			05/11/2026;Loon november;Werkgever NV;2.450,00
			07/11/2026;Treinticket Antwerpen-Roosendaal;NMBS;-23,40
			31/11/2026;Onmogelijke datum;Niemand;-1,00
			""";

	@LocalServerPort
	int port;

	@Test
	void aPersonMapsAStatementPreviewsItImportsItAndSeesTheTransactions() throws Exception {
		Path statement = Files.createTempFile("statement", ".csv");
		Files.writeString(statement, STATEMENT);
		try (Browser browser = Browser.open(port, "en")) {
			browser.signUpPerson("Ilse", Hub.uniqueEmail("imports"));

			browser.clickLink("Import");
			browser.driver().findElement(By.id("statement-file")).sendKeys(statement.toString());
			browser.click(By.cssSelector("#statement-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("sample")).getText()).contains("Omschrijving").contains("Delhaize");
			// The columns were guessed from the headers and the values.
			assertThat(
					new Select(browser.driver().findElement(By.id("amountColumn"))).getFirstSelectedOption().getText())
				.isEqualTo("Bedrag");
			assertThat(new Select(browser.driver().findElement(By.id("decimalSeparator"))).getFirstSelectedOption()
				.getAttribute("value")).isEqualTo(",");

			browser.click(By.cssSelector("button[name=action][value=preview]"));
			assertThat(browser.waitFor(By.id("preview")).getText()).contains("3 rows fit, 1 problems")
				.contains("Treinticket Antwerpen-Roosendaal");
			assertThat(browser.waitFor(By.id("row-errors")).getText()).contains("4");

			browser.click(By.cssSelector("button[name=action][value=commit]"));
			// One bad row stops the import: the person fixes the file or leaves the row
			// out knowingly.
			assertThat(browser.waitFor(By.cssSelector("#mapping-form p.error")).getText()).isNotBlank();

			Files.writeString(statement, STATEMENT.lines().limit(4).reduce("", (a, b) -> a + b + "\n"));
			browser.clickLink("Back to imports");
			browser.driver().findElement(By.id("statement-file")).sendKeys(statement.toString());
			browser.click(By.cssSelector("#statement-form button[type=submit]"));
			browser.waitFor(By.id("sample"));
			browser.click(By.cssSelector("button[name=action][value=commit]"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until(d -> browser.text().contains("Done: 3 imported."));
			browser.clickLink("See your transactions");
			browser.waitForPath("/me/transactions");
			assertThat(browser.text()).contains("Treinticket Antwerpen-Roosendaal")
				.contains("NMBS")
				.contains("2,450.00");
		}
		finally {
			Files.deleteIfExists(statement);
		}
	}

	@Test
	void aPersonImportsAnEInvoiceAndFindsTheOriginalAmongTheDocuments() throws Exception {
		Path invoice = Files.createTempFile("invoice", ".xml");
		Files.write(invoice, EInvoiceSamples.ubl());
		try (Browser browser = Browser.open(port, "en")) {
			browser.signUpPerson("Joris", Hub.uniqueEmail("einvoice"));

			browser.clickLink("Import");
			browser.driver().findElement(By.id("invoice-file")).sendKeys(invoice.toString());
			browser.click(By.cssSelector("#invoice-form button[type=submit]"));
			assertThat(browser.heading()).contains("UBL-7781");
			assertThat(browser.text()).contains("Telco Vlaanderen").contains("36.30").contains("UBL 2.1");

			browser.clickLink("Documents");
			assertThat(browser.waitFor(By.id("documents")).getText()).contains("Invoice");
		}
		finally {
			Files.deleteIfExists(invoice);
		}
	}

}
