package org.openvrm.intent;

import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openvrm.Browser;

/** The seed's holiday intent typed into the intent form, as a person would. */
public final class HolidayForm {

	private HolidayForm() {
	}

	public static void fill(Browser person) {
		int year = LocalDate.now().getMonthValue() >= 8 ? LocalDate.now().getYear() + 1 : LocalDate.now().getYear();
		person.type("title", "Train holiday by the sea, south of France");
		new Select(person.driver().findElement(By.id("category"))).selectByValue("travel.package-holidays.beach");
		new Select(person.driver().findElement(By.id("regions"))).selectByValue("FR");
		person.type("place", "South of France, by the sea");
		date(person, "from", year + "-08-01");
		date(person, "to", year + "-08-15");
		person.type("quantity", "4").type("budget", "3500");
		attribute(person, 0, "transport", "train", true);
		attribute(person, 1, "border-crossing", "Roosendaal", true);
		attribute(person, 2, "accommodation", "apartment", true);
		attribute(person, 3, "near-sea", "yes", true);
		attribute(person, 4, "rail-pass-held", "yes", false);
	}

	/**
	 * Date inputs take typed text in the browser's locale format; the ISO value is set
	 * directly.
	 */
	private static void date(Browser browser, String id, String isoDate) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				browser.driver().findElement(By.id(id)), isoDate);
	}

	private static void attribute(Browser browser, int row, String key, String value, boolean required) {
		browser.driver().findElement(By.name("attributes[" + row + "].key")).sendKeys(key);
		browser.driver().findElement(By.name("attributes[" + row + "].value")).sendKeys(value);
		if (required) {
			browser.driver().findElement(By.name("attributes[" + row + "].required")).click();
		}
	}

}
