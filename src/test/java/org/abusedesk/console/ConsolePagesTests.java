package org.abusedesk.console;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.policy.PolicyDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, the console's pages for the rest of the work, driven over HTTP as a browser
 * does (session, CSRF token, post/redirect/get): mitigations, emergencies awaiting
 * approval, the policy and its backtest, the dashboard, and letters from a case.
 */
class ConsolePagesTests extends EdgeDeskTest {

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private PolicyDocuments policies;

	private ConsoleSession signedIn(String name, Role role) {
		return ConsoleSession.newStaff(this.port, this.accounts, name + "-" + this.catalog.id(), role);
	}

	/** Follows a post's redirect and answers the page it leads to. */
	private static String after(ConsoleSession session, Api.Response redirect, String path) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains(path);
		Api.Response page = session.get(location.replaceFirst("^https?://[^/]+", ""));
		assertThat(page.status()).isEqualTo(200);
		return page.body();
	}

	@Test
	void aReviewerFindsAMitigationSetsItsReviewAndLiftsItWithAReason() {
		long id = activeInterstitial("/login.php");
		String target = "https://blog." + this.catalog.hostedZone() + "/login.php";
		ConsoleSession reviewer = signedIn("reviewer", Role.REVIEWER);
		String account = "hosting-" + this.catalog.id();

		String list = reviewer.get("/console/mitigations?account=" + account).body();
		assertThat(list).contains("data-mitigation=\"" + id + "\"")
			.contains(target)
			.contains("phishing interstitial")
			.contains("href=\"/console/mitigations\"");
		assertThat(reviewer.get("/console/mitigations?account=" + account + "&type=malware_block").body())
			.doesNotContain("data-mitigation=\"" + id + "\"")
			.contains("No mitigations match.");

		String page = reviewer.get("/console/mitigations/" + id).body();
		assertThat(page).contains("<code id=\"mitigation-target\">" + target + "</code>")
			.contains("id=\"mitigation-status\"")
			.contains(">active<")
			.contains("id=\"lift-form\"")
			.doesNotContain("style=");

		String reviewed = after(reviewer,
				reviewer.post("/console/mitigations/" + id + "/review",
						Map.of("review_at", "2099-01-01T10:00", "reason", "Look again when the campaign is over.")),
				"/console/mitigations/" + id);
		assertThat(reviewed).contains("Review set for 2099-01-01T10:00:00Z.").contains("1 Jan 2099, 10:00 UTC");

		String refused = after(reviewer, reviewer.post("/console/mitigations/" + id + "/lift", Map.of("reason", " ")),
				"/console/mitigations/" + id);
		assertThat(refused).contains("reason: Say why the mitigation is lifted.");

		ConsoleSession agent = signedIn("agent", Role.AGENT);
		assertThat(agent.get("/console/mitigations/" + id).status()).isEqualTo(200);
		assertThat(agent.get("/console/mitigations/" + id).body()).doesNotContain("id=\"lift-form\"");
		assertThat(agent.post("/console/mitigations/" + id + "/lift", Map.of("reason", "no")).status()).isEqualTo(403);

		String lifted = after(reviewer,
				reviewer.post("/console/mitigations/" + id + "/lift", Map.of("reason", "The site owner removed it.")),
				"/console/mitigations/" + id);
		assertThat(lifted).contains("Lifted: the mitigation is removed and the edge drops it.")
			.contains("This mitigation is no longer in force");
		assertThat(this.api.get("/interstitial/" + id, null).status()).isEqualTo(404);
		assertThat(this.audit.entries("case:" + this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", id)
			.query(Long.class)
			.single())).filteredOn((e) -> e.action().equals("mitigation.lifted")).singleElement().satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				assertThat(e.details()).contains("The site owner removed it.");
			});
		assertThat(after(reviewer, reviewer.post("/console/mitigations/" + id + "/lift", Map.of("reason", "again")),
				"/console/mitigations/" + id))
			.contains("only a pending or active one is lifted");
		assertThat(reviewer.get("/console/mitigations/999999999").status()).isEqualTo(404);
	}

	@Test
	void anEmergencyWaitsForTwoOtherApproversOnItsPage() {
		long caseId = fileAndAwaitCase("general",
				this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"));
		ConsoleSession declarer = signedIn("declarer", Role.REVIEWER);
		this.work.declareEmergency(caseId,
				new org.abusedesk.cases.Actor("declarer-" + this.catalog.id(), Role.REVIEWER),
				"A named person is threatened with violence tonight.");

		String page = declarer.get("/console/emergencies").body();
		assertThat(page).contains("data-emergency-case=\"" + caseId + "\"")
			.contains("A named person is threatened with violence tonight.")
			.contains("nobody yet")
			.contains("You declared this emergency")
			.doesNotContain("id=\"approve-" + caseId + "\"");

		ConsoleSession second = signedIn("second", Role.SENIOR);
		assertThat(second.get("/console/emergencies").body()).contains("id=\"approve-" + caseId + "\"")
			.contains("2 approval(s)");
		assertThat(after(second,
				second.post("/console/emergencies/" + caseId + "/answer", Map.of("decision", "refuse", "reason", "")),
				"/console/emergencies"))
			.contains("Say why you refuse.");
		String approved = after(second,
				second.post("/console/emergencies/" + caseId + "/answer", Map.of("decision", "approve", "reason", "")),
				"/console/emergencies");
		assertThat(approved).contains("your approval is recorded; it needs one more approver")
			.contains("second-" + this.catalog.id())
			.contains("1 approval(s)");

		ConsoleSession agent = signedIn("agent", Role.AGENT);
		assertThat(agent.get("/console/emergencies").body()).doesNotContain("id=\"approve-" + caseId + "\"");
		assertThat(agent.post("/console/emergencies/" + caseId + "/answer", Map.of("decision", "approve")).status())
			.isEqualTo(403);
	}

	@Test
	void thePolicyPageListsVersionsAndRunsABacktestForSeniorsOnly() {
		PolicyDocuments.ActivePolicy active = this.policies.active();
		ConsoleSession agent = signedIn("agent", Role.AGENT);
		String page = agent.get("/console/policy").body();
		assertThat(page).contains("data-version=\"" + active.version() + "\"")
			.contains("badge-active")
			.contains("Seniors, legal and admins run backtests.");
		assertThat(agent.post("/console/policy/backtest", Map.of("draft", active.document())).status()).isEqualTo(403);

		ConsoleSession senior = signedIn("senior", Role.SENIOR);
		Api.Response same = senior.post("/console/policy/backtest",
				Map.of("draft", active.document(), "since", "2000-01-01", "examples", "5"));
		assertThat(same.status()).isEqualTo(200);
		// other tests may have decided under other versions: only the shape is certain
		assertThat(same.body()).contains("id=\"backtest-result\"")
			.contains("decisions replayed;")
			.contains("id=\"backtest-changed\"");
		Api.Response broken = senior.post("/console/policy/backtest", Map.of("draft", "version: [unclosed"));
		assertThat(broken.body()).contains("id=\"policy-problems\"").contains("nothing was replayed");
		assertThat(senior.post("/console/policy/backtest", Map.of("draft", active.document(), "since", "yesterday"))
			.body()).contains("Since is a date");
		assertThat(this.policies.active().version()).isEqualTo(active.version());
	}

	@Test
	void theDashboardDrawsItsChartsAsSvgWithoutInlineStyles() {
		fileAndAwaitCase("phishing", phishing("blog." + this.catalog.hostedZone(), "/dash.php"));
		ConsoleSession agent = signedIn("agent", Role.AGENT);
		Api.Response page = agent.get("/console/dashboard");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("<svg", "id=\"chart-per-day\"", "id=\"chart-by-type\"", "id=\"chart-by-channel\"",
					"id=\"chart-ages\"", "id=\"chart-first-action\"", "id=\"chart-outbox\"")
			.contains("<th scope=\"row\">phishing</th>")
			.contains("<title id=\"chart-by-type-title\">Reports by type</title>")
			.contains("id=\"overdue-total\"")
			.contains("id=\"outbox-state\"")
			.doesNotContain("style=")
			.doesNotContain("<script>");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'none'").contains("style-src 'self'"));
	}

	@Test
	void aReviewerWritesToTheReporterFromATemplateAndTheLetterIsSentOnce() throws Exception {
		long caseId = fileAndAwaitCase("phishing", phishing("blog." + this.catalog.hostedZone(), "/letter.php"));
		String code = this.jdbc.sql("""
				select r.tracking_code from report r join case_report cr on cr.report_id = r.id
				where cr.case_id = :case""").param("case", caseId).query(String.class).single();
		ConsoleSession reviewer = signedIn("writer", Role.REVIEWER);
		String form = reviewer.get("/console/cases/" + caseId + "/write").body();
		assertThat(form).contains("the reporter of " + code)
			.contains("Your phishing report " + code + ": we cannot see the phishing page")
			.contains("https://blog." + this.catalog.hostedZone() + "/letter.php")
			.doesNotContain(this.catalog.reporter());
		assertThat(reviewer.get("/console/cases/" + caseId + "/write?template=reporter/any.more_information.de").body())
			.contains("Ihre Meldung " + code + ": wir brauchen weitere Angaben");
		Matcher key = KEY.matcher(form);
		assertThat(key.find()).isTrue();
		long reportId = this.jdbc.sql("select report_id from case_report where case_id = :case")
			.param("case", caseId)
			.query(Long.class)
			.single();
		Map<String, String> letter = Map.of("party", "reporter", "report", String.valueOf(reportId), "subject",
				"Your report " + code + ": one question", "body", "Which page asked for your password?", "key",
				key.group(1));

		String casePage = after(reviewer, reviewer.post("/console/cases/" + caseId + "/write", letter),
				"/console/cases/" + caseId);
		assertThat(casePage).contains("Your letter to the reporter of " + code + " is in the outbox.");
		MimeMessage sent = awaitMessageTo(this.catalog.reporter(), "Your report " + code + ": one question");
		assertThat(body(sent)).contains("Which page asked for your password?");
		// the same form posted again sends nothing more
		after(reviewer, reviewer.post("/console/cases/" + caseId + "/write", letter), "/console/cases/" + caseId);
		assertThat(this.jdbc.sql("select count(*) from outbox_message where case_id = :case and subject = :subject")
			.param("case", caseId)
			.param("subject", letter.get("subject"))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("case.letter_sent"))
			.singleElement()
			.satisfies((e) -> assertThat(e.actor()).isEqualTo("staff:writer-" + this.catalog.id()));

		String refused = after(reviewer,
				reviewer.post("/console/cases/" + caseId + "/write",
						Map.of("party", "customer", "subject", "", "body", "x", "key", UUID.randomUUID().toString())),
				"/console/cases/" + caseId + "/write");
		assertThat(refused).contains("subject: Write the subject.");

		Api.Response viaApi = this.api.post("/api/v1/cases/" + caseId + "/correspondence", """
				{"party": "customer", "subject": "Case %d: please remove the page", "body": "It is still up.",
				 "key": "%s"}""".formatted(caseId, UUID.randomUUID()), staffToken("api-writer", Role.REVIEWER));
		assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(202);
		assertThat(viaApi.json().get("recipient").asString()).isEqualTo(this.catalog.hoster());
		awaitMessageTo(this.catalog.hoster(), "Case " + caseId + ": please remove the page");
		assertThat(
				this.api.post("/api/v1/cases/" + caseId + "/correspondence", "{}", staffToken("api-agent", Role.AGENT))
					.status())
			.isEqualTo(403);
	}

}
