package org.openvrm.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openvrm.Browser;
import org.openvrm.Hub;
import org.openvrm.HubTest;
import org.openvrm.OwnSchema;
import org.openvrm.intent.HolidayForm;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a newcomer meets it: with {@code openvrm.demo.enabled=true} the demo
 * vendors answer the holiday intent within seconds, as API clients of the hub, and the
 * person accepts one. A schema of its own keeps the demo vendors away from other tests'
 * intents. With {@code OPENVRM_SCREENSHOTS=docs/images} in the environment it also saves
 * the README's screenshots.
 */
@HubTest
@TestPropertySource(properties = { "openvrm.demo.enabled=true", "openvrm.demo.poll-interval=300ms",
		"spring.flyway.default-schema=demo", "spring.flyway.schemas=demo", "spring.datasource.hikari.schema=demo" })
class DemoBrowserTest {

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		OwnSchema.prepare("demo");
	}

	@LocalServerPort
	int port;

	@Test
	void demoVendorsAnswerTheHolidayIntentWithinSecondsAndThePersonAcceptsOne() {
		try (Browser person = Browser.open(port, "en")) {
			person.driver().manage().window().setSize(new Dimension(1280, 1400));
			person.signUpPerson("Ann", Hub.uniqueEmail("ann"));
			person.clickLink("Intents").click(By.id("new-intent"));
			HolidayForm.fill(person);
			screenshot(person, "demo-1-intent-form.png");
			person.click(By.id("publish"));
			assertThat(person.waitFor(By.id("state")).getText()).isEqualTo("Published");

			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (person.driver().findElements(By.cssSelector("#offers tbody tr")).size() < 3) {
				assertThat(Instant.now()).as("three demo offers within 30 s").isBefore(deadline);
				sleep(500);
				person.go(person.path());
			}
			String offers = person.waitFor(By.id("offers")).getText();
			assertThat(offers).contains("Rail & Sea Holidays (demo)")
				.contains("Côte Apartments (demo)")
				.contains("EuroTrip Agency (demo)")
				.doesNotContain("Budget Mobile");
			assertThat(person.driver().findElement(By.cssSelector("#offers tbody tr")).getText()).as("best fit first")
				.contains("Rail & Sea Holidays (demo)")
				.contains("Required 4/4");
			((JavascriptExecutor) person.driver()).executeScript("arguments[0].scrollIntoView()",
					person.driver().findElement(By.id("offers-heading")));
			screenshot(person, "demo-2-offers.png");

			person.click(By.cssSelector("#offers tbody tr:first-child button.accept"));
			assertThat(person.waitFor(By.id("done")).getText()).contains("Offer accepted");
			screenshot(person, "demo-3-accepted.png");
			person.clickLink("My vendors");
			assertThat(person.text()).contains("Rail & Sea Holidays (demo)");
		}
	}

	private static void screenshot(Browser browser, String name) {
		String directory = System.getenv("OPENVRM_SCREENSHOTS");
		if (directory == null || directory.isBlank()) {
			return;
		}
		try {
			Path target = Path.of(directory).resolve(name);
			Files.createDirectories(target.getParent());
			Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
