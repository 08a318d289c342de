package org.abusedesk;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person sees, checked by axe-core in a real browser (issue 17): no serious
 * or critical accessibility violation. Run with {@code -Dscreenshots=true}, the same walk
 * writes the pictures in docs/screenshots (README, "Screenshots"). A page added to the
 * application gets a line here.
 */
@Tag("browser")
class AccessibilityBrowserTests extends EdgeDeskTest {

	private static final String PASSWORD = "accessibility test password";

	private static Chromium chromium;

	private static BrowserPages pages;

	@Autowired
	private StaffAccounts accounts;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void openBrowser() {
		pages = new BrowserPages(chromium.driver(), this.port);
		chromium.driver().manage().deleteAllCookies();
	}

	@Test
	void thePublicPagesHaveNoSeriousViolations() {
		check("/", "home");
		check("/report", "report-types");
		check("/report/phishing", "report-form");
		// the form sent empty: the error summary and the messages at the fields
		pages.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		pages.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert], .error-summary")));
		pages.assertAccessible("the report form with errors");
		pages.screenshot("report-form-errors");
		check("/no-such-page", "not-found");
		// a wrong link into the application: the error page, not JSON
		check("/report/no-such-type", "error-404");
		assertThat(pages.waitFor(By.id("error-title")).getText()).isEqualTo("Page not found");

		Api.Response filed = this.api.post("/api/v1/reports/phishing",
				phishing("blog." + this.catalog.hostedZone(), "/status-page.html"), null);
		String status = "/api/v1/reports/status/" + filed.json().get("tracking_code").asString() + "?secret="
				+ filed.json().get("status_secret").asString();
		check(status, "status-page");
		check("/api/v1/reports/status/" + filed.json().get("tracking_code").asString() + "?secret=wrong",
				"status-missing");
	}

	@Test
	void theConsolePagesHaveNoSeriousViolations() {
		long caseId = fileAndAwaitCase("phishing", phishing("blog." + this.catalog.hostedZone(), "/console.html"));
		String admin = "a11y-admin-" + this.catalog.id();
		this.accounts.create(admin, Role.ADMIN, PASSWORD);

		check("/login", "login");
		pages.signIn(admin, PASSWORD);
		pages.assertAccessible("the queue");
		pages.screenshot("console-queue");
		check("/console/cases/" + caseId, "case-page");
		check("/console/staff", "staff-page");
		check("/console/cases/not-a-number", "error-400");
		assertThat(pages.waitFor(By.id("error-title")).getText()).isEqualTo("This request could not be read");

		String agent = "a11y-agent-" + this.catalog.id();
		this.accounts.create(agent, Role.AGENT, PASSWORD);
		pages.signIn(agent, PASSWORD);
		check("/console/staff", "error-403");
		assertThat(pages.waitFor(By.id("error-title")).getText()).isEqualTo("You may not do this");
	}

	@Test
	void theDeskPagesHaveNoSeriousViolations() {
		String host = "blog." + this.catalog.hostedZone();
		long mitigation = activeInterstitial("/desk-pages.html");
		long caseId = this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", mitigation)
			.query(Long.class)
			.single();
		String account = "hosting-" + this.catalog.id();
		String admin = "a11y-desk-" + this.catalog.id();
		this.accounts.create(admin, Role.ADMIN, PASSWORD);
		pages.signIn(admin, PASSWORD);

		check("/console/search?q=" + host, "search");
		pages.waitFor(By.cssSelector("#search-results tr[data-case='" + caseId + "']"));
		check("/console/dashboard", "dashboard");
		check("/console/mitigations?account=" + account, "mitigations");
		check("/console/mitigations/" + mitigation, "mitigation-page");
		assertThat(pages.waitFor(By.id("mitigation-status")).getText()).isEqualTo("active");
		check("/console/emergencies", "emergencies");
		check("/console/policy", "policy");
		check("/console/appeals", "appeals");
		check("/console/mailbox", "mailbox");
		check("/console/mailbox/quarantine", "quarantine");
		// its picture, on the seeded history, is ConsoleBrowserTests' (README,
		// transparency)
		check("/console/transparency", null);
		check("/console/accounts/" + account, "account-page");
		check("/console/cases/" + caseId + "/write", "letter");

		// a bulk action's confirmation: what it will do, before anything is done (on the
		// first case of the queue; this one makes sure there is one)
		fileAndAwaitCase("phishing", phishing(host, "/queued.html"));
		pages.open("/console");
		pages.waitFor(By.cssSelector("#queue tbody tr input[type=checkbox]")).click();
		new Select(pages.driver().findElement(By.id("bulk-action"))).selectByValue("assign");
		pages.driver().findElement(By.id("bulk-assignee")).sendKeys(admin);
		pages.driver().findElement(By.id("bulk-apply")).click();
		assertThat(pages.waitFor(By.id("bulk-what")).getText()).startsWith("Assign 1 case to " + admin);
		pages.assertAccessible("the confirmation of a bulk action");
		pages.screenshot("bulk-confirm");
	}

	@Test
	void theCustomerPagesAndTheInterstitialHaveNoSeriousViolations() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/customer.html"));
		actNow(caseId, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		String interstitial = latest(cursor, caseId).get(0).get("interstitial_path").asString();
		String token = customerToken("hosting-" + this.catalog.id());

		check("/customer/sign-in", "customer-sign-in");
		pages.driver().findElement(By.id("token")).sendKeys(token);
		pages.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		pages.wait(ExpectedConditions.urlMatches("/customer$"));
		pages.assertAccessible("the customer's page");
		pages.screenshot("customer-page");

		check("/customer/mitigations/1/review", "error-405");
		assertThat(pages.waitFor(By.id("error-title")).getText()).isEqualTo("This address does not take that request");

		check(interstitial, "interstitial");
	}

	/**
	 * Opens {@code path}, checks it, and takes its screenshot {@code name} (if any) when
	 * asked to.
	 */
	private void check(String path, String name) {
		pages.open(path);
		pages.wait(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
		pages.assertAccessible(path);
		if (name != null) {
			pages.screenshot(name);
		}
	}

}
