package org.openvrm;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and chromedriver (installed by .ci/run), driven offline:
 * Selenium Manager is never asked to find or download anything.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;

	private final String base;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	public static Browser open(int port, String acceptLanguage) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--disable-quic", "--lang=" + acceptLanguage);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), port);
	}

	public static boolean available() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	public Browser type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Clicks; when the element leaves the page (a link, a submit button), waits until the
	 * next page has replaced this one, so that the next step cannot find an element of
	 * the old page.
	 */
	public Browser click(By by) {
		WebElement element;
		try {
			element = driver.findElement(by);
		}
		catch (NoSuchElementException ex) {
			throw new AssertionError("no " + by + " at " + driver.getCurrentUrl() + " showing: " + text(), ex);
		}
		boolean navigates = leavesThePage(element);
		WebElement page = driver.findElement(By.tagName("html"));
		element.click();
		if (navigates) {
			try {
				new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> replaced(page));
			}
			catch (TimeoutException stayed) {
				// A link within the page, or a refused submission handled in place:
				// nothing was replaced.
			}
		}
		return this;
	}

	/**
	 * Whether the page is gone: stale, or (mid-navigation) no longer in the document
	 * Chrome reports on.
	 */
	private static boolean replaced(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (WebDriverException gone) {
			return true;
		}
	}

	private static boolean leavesThePage(WebElement element) {
		String tag = element.getTagName();
		String type = element.getAttribute("type");
		String href = element.getAttribute("href");
		return ("a".equals(tag) && href != null && !href.contains("#"))
				|| (("button".equals(tag) || "input".equals(tag)) && "submit".equals(type));
	}

	public Browser clickLink(String text) {
		return click(By.linkText(text));
	}

	/**
	 * A person signs up on the form, keeps the recovery code, and lands on the dashboard.
	 */
	public Browser signUpPerson(String displayName, String email) {
		go("/signup").type("email", email)
			.type("displayName", displayName)
			.type("password", Hub.PASSWORD)
			.click(By.cssSelector("#signup-form button[type=submit]"));
		keepRecoveryCode();
		waitForPath("/me");
		return this;
	}

	/**
	 * After a person's sign-up: the recovery code page, confirmed, and the welcome wizard
	 * skipped.
	 */
	public Browser keepRecoveryCode() {
		keepRecoveryCodeOnly();
		waitForPath("/me/welcome");
		return click(By.id("welcome-skip"));
	}

	/**
	 * After a person's sign-up: the recovery code page, confirmed; the welcome wizard
	 * comes next.
	 */
	public Browser keepRecoveryCodeOnly() {
		waitForPath("/me/recovery-code");
		assertRecoveryCodeShown();
		click(By.id("kept"));
		return click(By.cssSelector("#recovery-form button[type=submit]"));
	}

	private void assertRecoveryCodeShown() {
		String code = waitFor(By.id("recovery-code")).getText();
		if (!code.matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}")) {
			throw new AssertionError("not a recovery code: " + code);
		}
	}

	public String heading() {
		return waitFor(By.tagName("h1")).getText();
	}

	public String path() {
		return URI.create(driver.getCurrentUrl()).getPath();
	}

	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String language() {
		return driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void waitForPath(String path) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path.equals(path()));
		}
		catch (TimeoutException ex) {
			throw new AssertionError("expected to reach " + path + " but the browser is at " + driver.getCurrentUrl()
					+ " showing: " + text() + "; console: " + driver.manage().logs().get("browser").getAll(), ex);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		driver.quit();
	}

}
