package org.abusedesk.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.transparency.TransparencyHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transparency report's console page in a real browser: reached from the console's
 * navigation, a period chosen in the picker, the charts drawn with the stylesheet's
 * colours under the strict content security policy; the page is saved as
 * docs/screenshots/transparency.png for the README.
 */
@Tag("browser")
class TransparencyBrowserTests extends IntegrationTest {

	private static final String PASSWORD = "browser transparency password";

	private static final Path SCREENSHOT = Path.of("docs", "screenshots", "transparency.png");

	private static Chromium chromium;

	private static WebDriver browser;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start();
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anAgentChoosesAPeriodAndSeesTheReportAsCharts() throws IOException {
		TransparencyHistory.march2021(this.jdbc);
		TransparencyHistory.june2020(this.jdbc);
		String name = "transparency-browser-" + UUID.randomUUID();
		this.accounts.create(name, Role.AGENT, PASSWORD);
		browser.manage().window().setSize(new Dimension(1400, 1000));
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + "/login");
		waitFor(By.id("username")).sendKeys(name);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("sign-in")).click();
		wait(ExpectedConditions.textToBe(By.id("signed-in-as"), name));

		waitFor(By.id("transparency-link")).click();
		wait(ExpectedConditions.urlContains("/console/transparency"));
		WebElement from = waitFor(By.id("period-from"));
		// a date input takes its value in the browser's locale when typed: set it as the
		// form sends it
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("arguments[0].value = '2020-06-01'", from);
		script.executeScript("arguments[0].value = '2021-03-31'", browser.findElement(By.id("period-to")));
		browser.findElement(By.id("show-period")).click();
		wait(ExpectedConditions.urlContains("from=2020-06-01"));
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("period-shown"), "2020-06-01T00:00:00Z"));

		WebElement phishing = waitFor(By.cssSelector("#reports-by_type g.bar[data-key='phishing'] rect"));
		assertThat(phishing.getCssValue("fill")).isEqualTo("rgb(47, 109, 181)");
		assertThat(Integer.parseInt(phishing.getDomAttribute("width"))).isPositive();
		assertThat(browser.findElement(By.cssSelector("#times-to_decision figcaption")).getText())
			.isEqualTo("From report to decision (seconds)");
		assertThat(browser.findElements(By.cssSelector("#appeals-filed rect.seg-1"))).isNotEmpty();
		assertThat(browser.findElement(By.id("download-csv")).getDomAttribute("href"))
			.isEqualTo("/console/transparency/report?from=2020-06-01&to=2021-03-31&format=csv");

		long height = (Long) script.executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 6000)));
		Files.createDirectories(SCREENSHOT.getParent());
		Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		assertThat(Files.size(SCREENSHOT)).isPositive();
	}

	private static WebElement waitFor(By locator) {
		return wait(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static <T> T wait(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

}
