package org.abusedesk.console;

import org.abusedesk.mitigations.MitigationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.abusedesk.BrowserTest;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;
import org.abusedesk.transparency.TransparencyHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The staff console in a real browser: sign in, filter the queue, claim, propose a plan
 * that needs two approvers, approve it as a second person, and see the mitigation active;
 * hostile report text stays inert; the content security policy is sent; the transparency
 * report's page draws its charts.
 */
class ConsoleBrowserTests extends BrowserTest {

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private org.abusedesk.intake.MailIntake mailbox;

	private String reviewer;

	private String secondReviewer;

	@BeforeEach
	void twoReviewers() {
		this.reviewer = newStaff("reviewer", Role.REVIEWER);
		this.secondReviewer = newStaff("reviewer2", Role.REVIEWER);
	}

	@Test
	void aPlanChangedToActAtOnceNeedsASecondReviewerAndThenTakesEffect() {
		// first in the filtered queue whatever other tests left
		long caseId = mostUrgentHostedCase();

		signIn(this.reviewer);
		new Select(browser().findElement(By.id("filter-service"))).selectByValue("hosting");
		new Select(browser().findElement(By.id("filter-type"))).selectByValue("general");
		browser().findElement(By.id("filter-rule")).sendKeys("hosting.review");
		browser().findElement(By.id("apply-filters")).click();
		// htmx swaps the page in place: wait for the filtered page, not the one before it
		this.pages.wait(ExpectedConditions.urlContains("rule=hosting.review"));
		String row = this.pages
			.wait((driver) -> driver.findElement(By.cssSelector("tr[data-case='" + caseId + "']")).getText());
		assertThat(row).contains("(overdue)").contains(this.catalog.hostedZone());
		List<String> rows = this.pages.wait((driver) -> driver.findElements(By.cssSelector("#queue tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList());
		// in words: the service "hosting", the type "general"
		assertThat(rows).allSatisfy((other) -> assertThat(other).contains("Hosting").contains("Other abuse"));

		this.pages.click(By.linkText("#" + caseId));
		this.pages.click(By.id("claim"));
		this.pages.wait(ExpectedConditions.textToBe(By.id("claimed-by"), this.reviewer));

		this.pages.wait((driver) -> {
			WebElement grace = driver.findElement(By.id("grace-0"));
			grace.clear();
			grace.sendKeys("0");
			return true;
		});
		browser().findElement(By.id("change-reason")).sendKeys("Confirmed: the page harvests bank passwords now.");
		this.pages.click(By.id("propose-change"));
		this.pages.wait(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "awaiting_approval"));
		assertThat(browser().findElement(By.id("case-status")).getText()).isEqualTo("Waiting for approval");
		assertThat(browser().findElement(By.id("proposal-status")).getAttribute("data-status"))
			.isEqualTo("awaiting_approval");
		assertThat(this.mitigations.ofCase(caseId)).isEmpty();

		// the proposer cannot approve their own plan
		this.pages.click(By.id("approve"));
		this.pages.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "cannot approve"));

		signIn(this.secondReviewer);
		this.pages.open("/console/cases/" + caseId);
		assertThat(this.pages.waitFor(By.id("proposed-by")).getText()).isEqualTo(this.reviewer);
		browser().findElement(By.id("approval-reason")).sendKeys("Agreed, checked the page myself.");
		this.pages.click(By.id("approve"));
		this.pages.wait(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "actioned"));
		assertThat(browser().findElement(By.cssSelector(".mitigation-status")).getText()).isEqualTo("Active");
		assertThat(browser().findElements(By.cssSelector(".mitigation-target")).stream().map(WebElement::getText))
			.containsExactly("https://blog." + this.catalog.hostedZone() + "/login.php",
					"https://blog." + this.catalog.hostedZone() + "/pay.php");

		List<Mitigations.Mitigation> recorded = this.mitigations.ofCase(caseId);
		// one per reported URL, never the whole site
		assertThat(recorded).extracting(Mitigations.Mitigation::target)
			.containsExactly("https://blog." + this.catalog.hostedZone() + "/login.php",
					"https://blog." + this.catalog.hostedZone() + "/pay.php");
		assertThat(recorded).allSatisfy((mitigation) -> {
			assertThat(mitigation.type()).isEqualTo("content_disable");
			assertThat(mitigation.status()).isEqualTo(MitigationStatus.ACTIVE);
			assertThat(mitigation.effectiveAt()).isBefore(Instant.now());
		});
		assertThat(browser().findElements(By.cssSelector(".timeline-entry"))
			.stream()
			.map((entry) -> entry.getAttribute("data-action")))
			.contains("case.claimed", "case.plan_changed", "case.plan_approved", "case.plan_applied");
		assertThat(
				browser().findElements(By.cssSelector(".timeline-entry .headline")).stream().map(WebElement::getText))
			.contains("Claimed the case", "Changed the plan", "Approved the plan", "Plan applied");
	}

	@Test
	void aSecondReviewerSeesWhoHoldsTheCase() {
		long caseId = hostedCase();
		assertThat(this.work.claim(caseId, new Actor(this.reviewer, Role.REVIEWER)).mine()).isTrue();

		signIn(this.secondReviewer);
		this.pages.open("/console/cases/" + caseId);
		assertThat(this.pages.waitFor(By.id("claimed-by")).getText()).isEqualTo(this.reviewer);
		assertThat(browser().findElements(By.id("claim"))).isEmpty();
		this.pages.click(By.id("accept"));
		this.pages.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "held by " + this.reviewer));
	}

	@Test
	void reportTextWithScriptAndMarkupIsShownInert() {
		String hostile = "<script>alert(1)</script><b>x</b>";
		String report = this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send")
			.replace("A fake bank login page harvesting passwords.", hostile.replace("\"", "\\\""));
		long caseId = fileAndAwaitCase("general", report);

		signIn(this.reviewer);
		this.pages.open("/console/cases/" + caseId);
		WebElement justification = this.pages.waitFor(By.cssSelector(".justification"));
		assertThat(justification.getText()).isEqualTo(hostile);
		assertThat(browser().findElements(By.cssSelector(".justification b, .justification script"))).isEmpty();
		assertThatThrownBy(() -> browser().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		// a reviewer does not see who reported
		assertThat(browser().findElement(By.cssSelector(".reporter-hidden")).isDisplayed()).isTrue();
		assertThat(browser().getPageSource()).doesNotContain(this.catalog.reporter());
	}

	@Test
	void aReviewerFindsACaseBySearchNarrowsItSavesItAndRunsItAgain() {
		long caseId = hostedCase();
		signIn(this.reviewer);
		this.pages.waitFor(By.id("quick-q")).sendKeys("blog." + this.catalog.hostedZone() + "/pay");
		this.pages.click(By.id("quick-search"));
		this.pages.wait(ExpectedConditions.urlContains("/console/search"));
		assertThat(results()).containsExactly(caseId);

		new Select(this.pages.waitFor(By.id("search-status"))).selectByValue("closed");
		this.pages.click(By.id("search-button"));
		this.pages.wait(ExpectedConditions.urlContains("status=closed"));
		this.pages.wait(ExpectedConditions.textToBe(By.id("result-count"), "No cases match."));

		new Select(this.pages.waitFor(By.id("search-status"))).selectByValue("open");
		new Select(browser().findElement(By.id("field"))).selectByValue("host");
		WebElement text = browser().findElement(By.id("q"));
		text.clear();
		text.sendKeys("blog." + this.catalog.hostedZone());
		this.pages.click(By.id("search-button"));
		this.pages.wait(ExpectedConditions.urlContains("status=open"));
		assertThat(results()).containsExactly(caseId);
		String name = "hosted " + this.catalog.id();
		this.pages.waitFor(By.id("save-name")).sendKeys(name);
		this.pages.click(By.id("save-button"));
		this.pages.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved the search"));

		this.pages.open("/console/search");
		this.pages.click(By.linkText(name));
		this.pages.wait(ExpectedConditions.urlContains("field=host"));
		assertThat(results()).containsExactly(caseId);
		WebElement badge = browser().findElement(By.cssSelector("#search-results tr[data-case] .badge"));
		assertThat(badge.getText()).isNotEqualTo(badge.getAttribute("data-status")).doesNotContain("_");
	}

	@Test
	void theCasePageSaysWhatHappenedInWordsAndAnswersTheKeyboard() {
		long caseId = hostedCase();
		signIn(this.reviewer);
		this.pages.open("/console/cases/" + caseId);

		// the summary: what, where, which service, who holds it, due
		assertThat(this.pages.waitFor(By.id("case-what")).getText())
			.isEqualTo("Other abuse on " + this.catalog.hostedZone() + " · Hosting");
		assertThat(browser().findElement(By.id("claimed-by")).getText()).isEqualTo("nobody");
		WebElement due = browser().findElement(By.cssSelector("#case-due time"));
		assertThat(Instant.parse(due.getAttribute("datetime"))).isAfter(Instant.now().minus(Duration.ofDays(1)));
		// relative, with the exact time in the viewer's zone on hover, never ISO text
		assertThat(due.getText()).matches("in \\d+ (hours?|days?|minutes?)");
		assertThat(due.getAttribute("title")).isNotBlank().doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
		assertThat(browser().findElement(By.id("plan-review")).getText()).doesNotContain("_");

		// the timeline in words: the report, its decision, the messages, never JSON
		List<String> headlines = browser().findElements(By.cssSelector(".timeline-entry .headline"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(headlines).anySatisfy((line) -> assertThat(line).startsWith("Report received"))
			.anySatisfy((line) -> assertThat(line).startsWith("Report decided"))
			.contains("Report attached to the case");
		assertThat(browser().findElement(By.id("timeline")).getText()).doesNotContain("{").doesNotContain("\"\"");

		// c claims; a and d bring the decisions to hand without taking them
		new Actions(browser()).sendKeys("c").perform();
		this.pages.wait(ExpectedConditions.textToBe(By.id("claimed-by"), this.reviewer));
		this.pages.wait((driver) -> driver.findElements(By.cssSelector(".timeline-entry .headline"))
			.stream()
			.anyMatch((line) -> line.getText().equals("Claimed the case")));
		new Actions(browser()).sendKeys("d").perform();
		this.pages.wait((driver) -> "deny-reason".equals(driver.switchTo().activeElement().getAttribute("id")));
		browser().findElement(By.tagName("h1")).click();
		new Actions(browser()).sendKeys("a").perform();
		this.pages.wait((driver) -> "accept".equals(driver.switchTo().activeElement().getAttribute("id")));
		assertThat(this.mitigations.ofCase(caseId)).isEmpty();
		assertThat(browser().findElement(By.id("case-status")).getAttribute("data-status")).isNotEqualTo("actioned");
	}

	@Test
	void aBulkActionSaysWhatItWillDoAndWaitsForConfirmation() {
		long caseId = mostUrgentHostedCase();
		signIn(this.reviewer);
		assertThat(
				new Select(browser().findElement(By.id("bulk-action"))).getFirstSelectedOption().getAttribute("value"))
			.isEmpty();
		String before = caseStatus(caseId);
		// j moves to the first (most urgent) case and x selects it
		new Actions(browser()).sendKeys("j").sendKeys("x").perform();
		WebElement first = browser().findElement(By.cssSelector("#queue tbody tr"));
		assertThat(first.getAttribute("class")).contains("current");
		assertThat(first.findElement(By.cssSelector("input[type=checkbox]")).isSelected()).isTrue();
		if (!browser().findElement(By.id("select-" + caseId)).isSelected()) {
			first.findElement(By.cssSelector("input[type=checkbox]")).click();
			browser().findElement(By.id("select-" + caseId)).click();
		}
		new Select(browser().findElement(By.id("bulk-action"))).selectByValue("deny_duplicate");
		this.pages.click(By.id("bulk-apply"));
		assertThat(this.pages.waitFor(By.id("bulk-what")).getText()).startsWith("Deny 1 case as duplicates");
		assertThat(browser().findElements(By.cssSelector("#bulk-cases a")).stream().map(WebElement::getText))
			.containsExactly("#" + caseId);
		this.pages.click(By.id("bulk-cancel"));
		this.pages.wait(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
		assertThat(caseStatus(caseId)).isEqualTo(before);
	}

	private List<Long> results() {
		return this.pages.wait((driver) -> {
			List<Long> ids = driver.findElements(By.cssSelector("#search-results tr[data-case]"))
				.stream()
				.map((row) -> Long.parseLong(row.getAttribute("data-case")))
				.toList();
			return ids.isEmpty() ? null : ids;
		});
	}

	@Test
	void everyConsolePageCarriesTheContentSecurityPolicy() {
		String policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
				+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
		assertThat(this.api.get("/login", null).headers().firstValue("Content-Security-Policy")).hasValue(policy);
		assertThat(this.api.get("/console", null).headers().firstValue("Content-Security-Policy")).hasValue(policy);
	}

	/**
	 * Issue 14: the transparency report's page, reached from the navigation, a period
	 * chosen in the picker, the charts drawn with the stylesheet's colours under the
	 * strict content security policy; saved as docs/screenshots/transparency.png for the
	 * README.
	 */
	@Test
	void aReviewerChoosesAPeriodAndSeesTheTransparencyReportAsCharts() throws IOException {
		TransparencyHistory.march2021(this.jdbc);
		TransparencyHistory.june2020(this.jdbc);
		browser().manage().window().setSize(new Dimension(1400, 1000));
		signIn(this.reviewer);
		this.pages.click(By.id("transparency-link"));
		this.pages.wait(ExpectedConditions.urlContains("/console/transparency"));
		// a date input takes typed dates in the browser's locale: set them as the form
		// sends them
		JavascriptExecutor script = (JavascriptExecutor) browser();
		script.executeScript("arguments[0].value = '2020-06-01'", this.pages.waitFor(By.id("period-from")));
		script.executeScript("arguments[0].value = '2021-03-31'", browser().findElement(By.id("period-to")));
		this.pages.click(By.id("show-period"));
		this.pages.wait(ExpectedConditions.urlContains("from=2020-06-01"));
		this.pages
			.wait(ExpectedConditions.textToBePresentInElementLocated(By.id("period-shown"), "2020-06-01T00:00:00Z"));

		WebElement phishing = this.pages.waitFor(By.cssSelector("#reports-by_type g.bar[data-key='phishing'] rect"));
		assertThat(phishing.getCssValue("fill")).isEqualTo("rgb(47, 109, 181)");
		assertThat(Integer.parseInt(phishing.getDomAttribute("width"))).isPositive();
		assertThat(browser().findElement(By.cssSelector("#times-to_decision figcaption")).getText())
			.isEqualTo("From report to decision (seconds)");
		assertThat(browser().findElements(By.cssSelector("#appeals-filed rect.seg-1"))).isNotEmpty();
		assertThat(browser().findElement(By.id("download-csv")).getDomAttribute("href"))
			.isEqualTo("/console/transparency/report?from=2020-06-01&to=2021-03-31&format=csv");

		// the README's picture, retaken only on demand (-Dscreenshots=true) so that the
		// normal run leaves the checkout as it was
		if (Boolean.getBoolean("screenshots")) {
			long height = (Long) script.executeScript("return document.documentElement.scrollHeight");
			browser().manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 6000)));
			Path screenshot = Path.of("docs", "screenshots", "transparency.png");
			Files.createDirectories(screenshot.getParent());
			Files.write(screenshot, ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
			assertThat(Files.size(screenshot)).isPositive();
		}
	}

	/** Files a report about the hosted customer's blog and waits for its case. */
	private long hostedCase() {
		return fileAndAwaitCase("general", this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"));
	}

	/** A hosted case made the most urgent and long overdue. */
	private long mostUrgentHostedCase() {
		long caseId = hostedCase();
		this.jdbc.sql("update abuse_case set priority = 'p1', due_at = timestamptz '2000-01-01' where id = :id")
			.param("id", caseId)
			.update();
		return caseId;
	}

	@Test
	void staffPickTheTypeOfAMailedReportAfterReadingWhatWillHappen() {
		String host = "shop." + this.catalog.proxiedZone();
		org.abusedesk.intake.MailOutcome mailed = this.mailbox.receive(
				("From: unsure-" + this.catalog.id() + "@senders.example\r\nSubject: look\r\n\r\nPlease check https://"
						+ host + "/verify.php <img src=x onerror=alert(1)>\r\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"test", null);
		String code = mailed.reports().get(0).trackingCode();
		long reportId = this.jdbc.sql("select id from report where tracking_code = :code")
			.param("code", code)
			.query(Long.class)
			.single();

		signIn(this.reviewer);
		this.pages.click(By.id("mailbox-link"));
		this.pages.wait(ExpectedConditions.urlContains("/console/mailbox"));
		// other tests leave reports waiting too: the page from just before this one
		this.pages.open("/console/mailbox?after=" + (reportId - 1));
		String row = this.pages
			.wait((driver) -> driver.findElement(By.cssSelector("tr[data-report='" + reportId + "']")).getText());
		assertThat(row).contains(code).contains("https://" + host + "/verify.php");
		new Select(browser().findElement(By.id("type-" + reportId))).selectByValue("phishing");
		this.pages.click(By.id("pick-" + reportId));
		assertThat(this.pages.waitFor(By.id("picked-type")).getText()).isEqualTo("phishing");
		this.pages.click(By.id("confirm"));

		assertThat(this.pages.waitFor(By.id("message")).getText()).contains("Report " + code + " is now phishing");
		assertThatThrownBy(() -> browser().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from decision where report_id = :id")
				.param("id", reportId)
				.query(Integer.class)
				.single() > 0);
	}

}
