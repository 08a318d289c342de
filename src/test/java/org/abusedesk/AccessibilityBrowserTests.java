package org.abusedesk;

import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person sees, checked by axe-core in a real browser (issue 17): no serious
 * or critical accessibility violation. Run with {@code -Dscreenshots=true}, the same walk
 * writes the pictures in docs/screenshots (README, "Screenshots"). A page added to the
 * application gets a line here.
 */
class AccessibilityBrowserTests extends BrowserTest {

	@Test
	void thePublicPagesHaveNoSeriousViolations() {
		check("/", "home");
		check("/report", "report-types");
		check("/report/phishing", "report-form");
		// the form sent empty: the error summary and the messages at the fields
		this.pages.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		this.pages.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert], .error-summary")));
		this.pages.assertAccessible("the report form with errors");
		this.pages.screenshot("report-form-errors");
		check("/no-such-page", "not-found");
		// a wrong link into the application: the error page, not JSON
		check("/report/no-such-type", "error-404");
		assertThat(this.pages.waitFor(By.id("error-title")).getText()).isEqualTo("Page not found");

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
		String admin = newStaff("a11y-admin", Role.ADMIN);

		check("/login", "login");
		signIn(admin);
		this.pages.assertAccessible("the queue");
		this.pages.screenshot("console-queue");
		check("/console/cases/" + caseId, "case-page");
		check("/console/staff", "staff-page");
		check("/console/cases/not-a-number", "error-400");
		assertThat(this.pages.waitFor(By.id("error-title")).getText()).isEqualTo("This request could not be read");

		signIn(newStaff("a11y-agent", Role.AGENT));
		check("/console/staff", "error-403");
		assertThat(this.pages.waitFor(By.id("error-title")).getText()).isEqualTo("You may not do this");
	}

	@Test
	void theDeskPagesHaveNoSeriousViolations() {
		String host = "blog." + this.catalog.hostedZone();
		long mitigation = activeInterstitial("/desk-this.pages.html");
		long caseId = this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", mitigation)
			.query(Long.class)
			.single();
		String account = "hosting-" + this.catalog.id();
		String admin = newStaff("a11y-desk", Role.ADMIN);
		signIn(admin);

		check("/console/search?q=" + host, "search");
		this.pages.waitFor(By.cssSelector("#search-results tr[data-case='" + caseId + "']"));
		check("/console/dashboard", "dashboard");
		check("/console/mitigations?account=" + account, "mitigations");
		check("/console/mitigations/" + mitigation, "mitigation-page");
		assertThat(this.pages.waitFor(By.id("mitigation-status")).getText()).isEqualTo("active");
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
		this.pages.open("/console");
		this.pages.waitFor(By.cssSelector("#queue tbody tr input[type=checkbox]")).click();
		new Select(this.pages.driver().findElement(By.id("bulk-action"))).selectByValue("assign");
		this.pages.driver().findElement(By.id("bulk-assignee")).sendKeys(admin);
		this.pages.driver().findElement(By.id("bulk-apply")).click();
		assertThat(this.pages.waitFor(By.id("bulk-what")).getText()).startsWith("Assign 1 case to " + admin);
		this.pages.assertAccessible("the confirmation of a bulk action");
		this.pages.screenshot("bulk-confirm");
	}

	@Test
	void theCustomerPagesAndTheInterstitialHaveNoSeriousViolations() {
		long interstitial = activeInterstitial("/customer.html");
		String token = customerToken("hosting-" + this.catalog.id());

		check("/customer/sign-in", "customer-sign-in");
		this.pages.driver().findElement(By.id("token")).sendKeys(token);
		this.pages.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		this.pages.wait(ExpectedConditions.urlMatches("/customer$"));
		this.pages.assertAccessible("the customer's page");
		this.pages.screenshot("customer-page");

		check("/customer/mitigations/1/review", "error-405");
		assertThat(this.pages.waitFor(By.id("error-title")).getText())
			.isEqualTo("This address does not take that request");

		check("/interstitial/" + interstitial, "interstitial");
	}

	/**
	 * Opens {@code path}, checks it, and takes its screenshot {@code name} (if any) when
	 * asked to.
	 */
	private void check(String path, String name) {
		this.pages.open(path);
		this.pages.wait(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
		this.pages.assertAccessible(path);
		if (name != null) {
			this.pages.screenshot(name);
		}
	}

}
