package org.abusedesk.flow;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.policy.MitigationTarget;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 in a real browser (whose visitor reads German first): a reviewer lifts a
 * mitigation from its page and the edge is told; the phishing warning page shows its
 * danger styling under the strict content security policy, in German, with a way back.
 */
@Tag("browser")
class DeskPagesBrowserTests extends EdgeDeskTest {

	private static final String PASSWORD = "desk pages browser password";

	private static Chromium chromium;

	private static WebDriver browser;

	@Autowired
	private StaffAccounts accounts;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start("de-DE,de");
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void forgetTheSession() {
		browser.manage().deleteAllCookies();
	}

	private long interstitial(String path) {
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing("blog." + this.catalog.hostedZone(), path));
		actNow(caseId, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, MitigationTarget.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		return latest(cursor, caseId).get(0).get("id").asLong();
	}

	@Test
	void aReviewerLiftsAMitigationFromItsPage() {
		long id = interstitial("/lift.php");
		long cursor = changeCursor();
		long caseId = this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		String reviewer = "lifter-" + this.catalog.id();
		this.accounts.create(reviewer, Role.REVIEWER, PASSWORD);

		open("/login");
		waitFor(By.id("username")).sendKeys(reviewer);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("sign-in")).click();
		wait(ExpectedConditions.textToBe(By.id("signed-in-as"), reviewer));
		click(By.id("mitigations-link"));
		wait(ExpectedConditions.urlContains("/console/mitigations"));
		open("/console/mitigations?account=hosting-" + this.catalog.id());
		click(By.linkText("#" + id));
		wait(ExpectedConditions.textToBe(By.id("mitigation-status"), "active"));
		assertThat(browser.findElement(By.id("mitigation-target")).getText())
			.isEqualTo("https://blog." + this.catalog.hostedZone() + "/lift.php");

		waitFor(By.id("lift-reason")).sendKeys("The owner took the phishing kit down; checked it myself.");
		click(By.id("lift"));
		wait(ExpectedConditions.textToBe(By.id("mitigation-status"), "removed"));
		assertThat(browser.findElement(By.id("message")).getText())
			.isEqualTo("Lifted: the mitigation is removed and the edge drops it.");
		assertThat(browser.findElements(By.id("lift-form"))).isEmpty();
		assertThat(latest(cursor, caseId)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
	}

	@Test
	void theWarningPageIsARedDangerPageInTheVisitorsLanguageWithAWayBack() {
		long id = interstitial("/konto.php");

		open("/interstitial/" + id);
		WebElement heading = waitFor(By.id("warning-heading"));
		assertThat(heading.getText()).isEqualTo("Warnung: diese Website wurde als Phishing gemeldet");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		// the stylesheet loaded under the page's content security policy
		assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color"))
			.isEqualTo("rgba(139, 16, 16, 1)");
		assertThat(browser.findElement(By.cssSelector(".warning-lead strong")).getText())
			.isEqualTo("https://blog." + this.catalog.hostedZone() + "/konto.php");
		WebElement leave = browser.findElement(By.id("leave"));
		assertThat(leave.getText()).isEqualTo("Diese Website verlassen");
		assertThat(browser.findElement(By.id("owner-heading")).getText()).isEqualTo("Gehört Ihnen diese Website?");
		leave.click();
		wait(ExpectedConditions.urlToBe("about:blank"));
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + path);
	}

	private static WebElement waitFor(By locator) {
		return wait(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static <T> T wait(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	/** Clicks, finding the element again if htmx replaced it in the meantime. */
	private static void click(By locator) {
		wait((driver) -> {
			WebElement element = driver.findElement(locator);
			if (!element.isDisplayed()) {
				return null;
			}
			element.click();
			return true;
		});
	}

}
