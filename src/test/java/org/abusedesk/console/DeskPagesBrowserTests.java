package org.abusedesk.console;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.access.Role;
import org.abusedesk.BrowserTest;
import org.abusedesk.BrowserTest.AcceptLanguage;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.mailbox.HostReply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 in a real browser (whose visitor reads German first): a reviewer lifts a
 * mitigation from its page and the edge is told; the phishing warning page shows its
 * danger styling under the strict content security policy, in German, with a way back;
 * the host's answer to the report we forwarded comes in through the abuse mailbox and
 * shows in the case's timeline.
 */
@AcceptLanguage("de-DE,de")
class DeskPagesBrowserTests extends BrowserTest {

	@Autowired
	private MailIntake mailbox;

	@Test
	void aReviewerLiftsAMitigationFromItsPage() {
		long id = activeInterstitial("/lift.php");
		long cursor = changeCursor();
		long caseId = this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		signIn(newStaff("lifter", Role.REVIEWER));
		this.pages.click(By.id("mitigations-link"));
		this.pages.wait(ExpectedConditions.urlContains("/console/mitigations"));
		this.pages.open("/console/mitigations?account=hosting-" + this.catalog.id());
		this.pages.click(By.linkText("#" + id));
		this.pages.wait(ExpectedConditions.textToBe(By.id("mitigation-status"), "active"));
		assertThat(browser().findElement(By.id("mitigation-target")).getText())
			.isEqualTo("https://blog." + this.catalog.hostedZone() + "/lift.php");

		this.pages.waitFor(By.id("lift-reason")).sendKeys("The owner took the phishing kit down; checked it myself.");
		this.pages.click(By.id("lift"));
		this.pages.wait(ExpectedConditions.textToBe(By.id("mitigation-status"), "removed"));
		assertThat(browser().findElement(By.id("message")).getText())
			.isEqualTo("Lifted: the mitigation is removed and the edge drops it.");
		assertThat(browser().findElements(By.id("lift-form"))).isEmpty();
		assertThat(latest(cursor, caseId)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
	}

	@Test
	void theWarningPageIsARedDangerPageInTheVisitorsLanguageWithAWayBack() {
		long id = activeInterstitial("/konto.php");

		this.pages.open("/interstitial/" + id);
		WebElement heading = this.pages.waitFor(By.id("warning-heading"));
		assertThat(heading.getText()).isEqualTo("Warnung: diese Website wurde als Phishing gemeldet");
		assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		// the stylesheet loaded under the page's content security policy
		assertThat(browser().findElement(By.tagName("body")).getCssValue("background-color"))
			.isEqualTo("rgba(139, 16, 16, 1)");
		assertThat(browser().findElement(By.cssSelector(".warning-lead strong")).getText())
			.isEqualTo("https://blog." + this.catalog.hostedZone() + "/konto.php");
		WebElement leave = browser().findElement(By.id("leave"));
		assertThat(leave.getText()).isEqualTo("Diese Website verlassen");
		assertThat(browser().findElement(By.id("owner-heading")).getText()).isEqualTo("Gehört Ihnen diese Website?");
		leave.click();
		this.pages.wait(ExpectedConditions.urlToBe("about:blank"));
	}

	@Test
	void aReplyToTheReportWeForwardedIsThreadedIntoTheCasesTimeline() throws Exception {
		String host = "www." + this.catalog.proxiedZone();
		long caseId = fileAndAwaitCase("phishing", this.catalog.report(host, "send-anon", "send-anon"));
		MimeMessage forwarded = awaitMessageTo(this.catalog.originHost(), "Abuse report");
		MailOutcome outcome = this.mailbox.receive(HostReply.to(forwarded, this.catalog, host, "browser-reply"), "test",
				null);
		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("threaded");
		signIn(newStaff("reader", Role.AGENT));
		this.pages.open("/console/cases/" + caseId);
		WebElement entry = this.pages
			.waitFor(By.cssSelector("#timeline-entries li[data-action='correspondence.received']"));
		assertThat(entry.getAttribute("data-category")).isEqualTo("reply");
		assertThat(entry.findElement(By.className("headline")).getText()).isEqualTo("Reply received");
		assertThat(entry.getText()).contains("Party: host").contains("Subject: Re: " + forwarded.getSubject());
		// an answer, not a report: the case still holds the one report
		assertThat(this.jdbc.sql("select count(*) from case_report where case_id = :id")
			.param("id", caseId)
			.query(Integer.class)
			.single()).isOne();
	}

}
