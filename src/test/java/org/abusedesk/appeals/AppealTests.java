package org.abusedesk.appeals;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.identity.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, appeals: a customer appeals a mitigation and a reporter a denial; a person
 * who took no part in the decision decides, the mitigation is lifted through its
 * lifecycle when the appeal is reversed, and both sides hear the outcome with the next
 * step of redress.
 */
class AppealTests extends EdgeDeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private MailIntake mailbox;

	@Test
	void aCustomerAppealReversedBySecondPersonLiftsTheMitigationAndTellsBothSides() {
		String host = "shop." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		long mitigation = latest(cursor, caseId).get(0).get("id").asLong();
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
		String appealPath = "/api/v1/customer/mitigations/" + mitigation + "/appeal";

		Api.Response noReason = this.api.post(appealPath, "{\"statement\": \"It is ours.\"}", customer);
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
		Api.Response badReason = this.api.post(appealPath, "{\"reason\": \"angry\", \"statement\": \"x\"}", customer);
		assertThat(badReason.status()).isEqualTo(422);
		assertThat(badReason.json().at("/errors/0/code").asString()).isEqualTo("invalid");
		String otherAccount = this.customerTokens.issue("proxy-" + this.catalog.id(), "test").token();
		assertThat(this.api.post(appealPath, "{\"reason\": \"removed\", \"statement\": \"x\"}", otherAccount).status())
			.isEqualTo(404);

		Api.Response filed = this.api.post(appealPath,
				"{\"reason\": \"misclassified\", \"statement\": \"This is the real login page of our own bank.\","
						+ " \"evidence\": \"https://bank.example/about-our-login\"}",
				customer);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		long appeal = filed.json().get("id").asLong();
		assertThat(filed.json().get("status").asString()).isEqualTo("open");
		assertThat(caseStatus(caseId)).isEqualTo("appealed");
		// filing changes nothing the edge sees: staff decide
		assertThat(latest(cursor, caseId).get(0).get("status").asString()).isEqualTo("active");
		assertThat(this.api.post(appealPath, "{\"reason\": \"removed\", \"statement\": \"again\"}", customer).status())
			.isEqualTo(409);

		// the appeal queue, with its due time
		Api.Response queue = this.api.get("/api/v1/appeals", staffToken("agent", Role.AGENT));
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.json().get("appeals").valueStream().filter((a) -> a.get("id").asLong() == appeal))
			.singleElement()
			.satisfies((a) -> assertThat(a.get("due_at").isNull()).isFalse());

		String decision = "/api/v1/appeals/" + appeal + "/decision";
		String reversed = "{\"outcome\": \"reversed\", \"reason\": \"The page is the customer's own bank login.\"}";
		// neither who proposed nor who approved the mitigation decides its appeal
		for (String original : List.of("approver", "proposer")) {
			Api.Response refused = this.api.post(decision, reversed, staffToken(original, Role.REVIEWER));
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.body()).contains("You took part in the decision under appeal");
		}
		assertThat(this.api.post(decision, reversed, staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
		String judge = staffToken("judge", Role.REVIEWER);
		Api.Response noWhy = this.api.post(decision, "{\"outcome\": \"reversed\"}", judge);
		assertThat(noWhy.status()).isEqualTo(422);
		assertThat(noWhy.json().at("/errors/0/field").asString()).isEqualTo("reason");
		assertThat(latest(cursor, caseId).get(0).get("status").asString()).isEqualTo("active");

		Api.Response decided = this.api.post(decision, reversed, judge);
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(decided.json().get("outcome").asString()).isEqualTo("reversed");
		assertThat(decided.json().get("decided_by").asString()).isEqualTo("judge-" + this.catalog.id());
		assertThat(this.api.post(decision, reversed, judge).status()).isEqualTo(409);

		// lifted through the lifecycle: the edge drops it, the case is closed
		assertThat(latest(cursor, caseId)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
		assertThat(caseStatus(caseId)).isEqualTo("closed");
		assertThat(this.audit.entries("case:" + caseId)).extracting((e) -> e.action())
			.containsSubsequence("appeal.filed", "case.appeal_decided", "appeal.decided", "mitigation.lifted");
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("mitigation.lifted"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:judge-" + this.catalog.id());
				assertThat(e.details()).contains("\"appeal_id\":" + appeal);
			});

		// both sides hear the outcome and the next step
		MimeMessage toCustomer = awaitMessageTo(this.catalog.hoster(), "Your appeal " + appeal + ": reversed");
		assertThat(body(toCustomer)).contains("reversed; the measure is lifted")
			.contains("The page is the customer's own bank login.")
			.contains("out-of-court dispute settlement body")
			.contains("courts")
			.doesNotContain(this.catalog.reporter());
		MimeMessage toReporter = awaitMessageTo(this.catalog.reporter(), "Appeal decided for your report");
		assertThat(body(toReporter)).contains("The customer appealed")
			.contains("reversed")
			.contains("out-of-court dispute settlement body")
			.doesNotContain("real login page of our own bank");
		Api.Response mine = this.api.get("/api/v1/customer/appeals", customer);
		assertThat(mine.json().get("appeals").get(0).get("outcome").asString()).isEqualTo("reversed");
		assertThat(mine.json().get("appeals").get(0).has("decided_by")).isFalse();
		// the transparency report counts from the table
		assertThat(this.jdbc
			.sql("select count(*) from appeal where id = :id and decided_at >= filed_at" + " and outcome = 'reversed'")
			.param("id", appeal)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// and its appeals section shows it (other tests may decide appeals in the same
		// window)
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Api.Response report = this.api.get("/api/v1/transparency/report?from=" + today + "&to=" + today,
				staffToken("agent", Role.AGENT));
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json()
			.at("/sections/appeals/decided")
			.valueStream()
			.filter((row) -> row.get("party").asString().equals("customer"))).singleElement()
			.satisfies((row) -> assertThat(row.get("reversed").asLong()).isPositive());
		assertThat(report.json()
			.at("/sections/appeals/filed")
			.valueStream()
			.filter((row) -> row.get("party").asString().equals("customer"))).singleElement()
			.satisfies((row) -> assertThat(row.get("misclassified").asLong()).isPositive());
	}

	@Test
	void aReporterAppealAgainstADenialReopensTheCase() {
		String host = "blog." + this.catalog.hostedZone();
		Api.Response created = this.api.post("/api/v1/reports/phishing", phishing(host, "/kit.php"), null);
		assertThat(created.status()).isEqualTo(201);
		String code = created.json().get("tracking_code").asString();
		String secret = created.json().get("status_secret").asString();
		long caseId = caseOf(created.json().get("id").asLong());
		String appealPath = "/api/v1/reports/status/" + code + "/appeal";
		String body = "{\"secret\": \"%s\", \"reason\": \"misclassified\","
				+ " \"statement\": \"The kit is still online; see the screenshot.\"}";
		// not denied yet
		assertThat(this.api.post(appealPath, body.formatted(secret), null).status()).isEqualTo(409);
		this.work.deny(caseId, reviewer("denier"), DenialReason.NO_ABUSE_FOUND, "Nothing found.");
		assertThat(caseStatus(caseId)).isEqualTo("rejected");

		assertThat(this.api.post(appealPath, body.formatted("wrong-secret"), null).status()).isEqualTo(404);
		Api.Response removed = this.api.post(appealPath,
				"{\"secret\": \"" + secret + "\", \"reason\": \"removed\", \"statement\": \"x\"}", null);
		assertThat(removed.status()).isEqualTo(422);
		Api.Response filed = this.api.post(appealPath, body.formatted(secret), null);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		long appeal = filed.json().get("id").asLong();
		assertThat(filed.json().get("party").asString()).isEqualTo("reporter");
		assertThat(this.api.post(appealPath, body.formatted(secret), null).status()).isEqualTo(409);

		// back in the review queue
		assertThat(caseStatus(caseId)).isEqualTo("appealed");
		Api.Response queue = this.api.get("/api/v1/cases?status=appealed", this.admin);
		assertThat(queue.status()).as(queue.body()).isEqualTo(200);
		assertThat(queue.body()).contains("\"id\":" + caseId);

		String decision = "/api/v1/appeals/" + appeal + "/decision";
		String reverse = "{\"outcome\": \"reversed\", \"reason\": \"The kit is there; we review the report again.\"}";
		assertThat(this.api.post(decision, reverse, staffToken("denier", Role.REVIEWER)).status()).isEqualTo(403);
		Api.Response decided = this.api.post(decision, reverse, staffToken("second", Role.SENIOR));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(caseStatus(caseId)).isEqualTo("in_review");
		assertThat(this.audit.entries("report:" + created.json().get("id").asLong())).extracting((e) -> e.action())
			.containsSubsequence("report.denied", "appeal.filed", "appeal.decided");

		// the outcome is on the reporter's status page and in their mailbox
		MimeMessage toReporter = awaitMessageTo(this.catalog.reporter(), "Appeal decided for your report " + code);
		assertThat(body(toReporter)).contains("reversed; your report is reviewed again")
			.contains("out-of-court dispute settlement body");
		JsonNode status = this.api.get("/api/v1/reports/status/" + code + "?secret=" + secret, null).json();
		assertThat(status.get("messages").valueStream().map((m) -> m.get("subject").asString()))
			.anyMatch((subject) -> subject.startsWith("Appeal decided"));
	}

	@Test
	void aReporterAppealsADenialByReplyingToTheDecisionMail() throws Exception {
		String host = "forum." + this.catalog.hostedZone();
		Api.Response created = this.api.post("/api/v1/reports/phishing", phishing(host, "/steal.php"), null);
		assertThat(created.status()).isEqualTo(201);
		String code = created.json().get("tracking_code").asString();
		long reportId = created.json().get("id").asLong();
		long caseId = caseOf(reportId);
		this.work.deny(caseId, reviewer("denier"), DenialReason.NO_ABUSE_FOUND, "Nothing found.");
		MimeMessage decision = awaitMessageTo(this.catalog.reporter(), "Decision on your report " + code);
		assertThat(body(decision)).contains("reply to this message with the word \"appeal\"");

		// someone else answering with the word is threaded, and appeals nothing
		MailOutcome stranger = this.mailbox.receive(
				reply(decision, "someone-else@elsewhere.example", "I appeal this on behalf of nobody."), "smtp", null);
		assertThat(stranger.status()).as(stranger.reason()).isEqualTo("threaded");
		assertThat(stranger.reason()).isEqualTo("case:" + caseId);
		assertThat(caseStatus(caseId)).isEqualTo("rejected");

		MailOutcome outcome = this.mailbox.receive(
				reply(decision, this.catalog.reporter(),
						"I appeal: the kit is still online, see the login form at the bottom of the page."),
				"smtp", null);
		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("threaded");
		assertThat(outcome.reason()).startsWith("case:" + caseId + "; appeal:");
		long appeal = Long.parseLong(outcome.reason().replaceAll(".*appeal:(\\d+).*", "$1"));
		JsonNode filed = this.api.get("/api/v1/appeals/" + appeal, this.admin).json();
		assertThat(filed.get("party").asString()).isEqualTo("reporter");
		assertThat(filed.get("reason").asString()).isEqualTo("other");
		assertThat(filed.get("statement").asString())
			.isEqualTo("I appeal: the kit is still online, see the login form at the bottom of the page.");
		assertThat(caseStatus(caseId)).isEqualTo("appealed");
		assertThat(this.audit.entries("report:" + reportId)).extracting((e) -> e.action())
			.containsSubsequence("report.denied", "appeal.filed");
		assertThat(body(awaitMessageTo(this.catalog.reporter(), "Your appeal of the decision on your report " + code)))
			.contains("We received your appeal")
			.contains("took no part in the decision");

		// one open appeal per decision: a second one, a new message naming the tracking
		// code in its subject, is told so
		byte[] fresh = ("From: " + this.catalog.reporter() + "\r\nTo: abuse@abusedesk.invalid\r\nSubject: Appeal "
				+ code + "\r\nMessage-ID: <appeal-again-" + this.catalog.id()
				+ "@reporter.example>\r\n\r\nAppeal! Please look again.\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		MailOutcome again = this.mailbox.receive(fresh, "smtp", null);
		assertThat(again.status()).as(again.reason()).isEqualTo("threaded");
		assertThat(again.reason()).contains("appeal refused for " + code).contains("open already");
		assertThat(this.jdbc.sql("select count(*) from appeal where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** A reply to one of our messages, quoting it, from {@code from}. */
	private byte[] reply(MimeMessage answered, String from, String words) throws Exception {
		return """
				From: %s
				To: abuse@abusedesk.invalid
				Subject: Re: %s
				Message-ID: <appeal-reply-%s-%s@reporter.example>
				In-Reply-To: %s
				References: %s

				%s

				On Monday the desk wrote:
				> We decided on your report: we will not act on it. To appeal, reply.
				"""
			.formatted(from, answered.getSubject(), this.catalog.id(), (from + words).hashCode(),
					answered.getMessageID(), answered.getMessageID(), words)
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void appealsAreTakenForSixMonthsAfterTheDecision() {
		String host = "old." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/a.php"));
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		long mitigation = latest(cursor, caseId).get(0).get("id").asLong();
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
		String appeal = "{\"reason\": \"removed\", \"statement\": \"Gone since spring.\"}";
		backdate(mitigation, "7 months");
		Api.Response late = this.api.post("/api/v1/customer/mitigations/" + mitigation + "/appeal", appeal, customer);
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.json().at("/errors/0/code").asString()).isEqualTo("window_closed");
		backdate(mitigation, "5 months");
		assertThat(this.api.post("/api/v1/customer/mitigations/" + mitigation + "/appeal", appeal, customer).status())
			.isEqualTo(201);
	}

	@Test
	void aLegalBlockIsReversedOnAppealOnlyByASeniorLegalOrAdmin() {
		String host = "court." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(caseId, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		long mitigation = latest(cursor, caseId).get(0).get("id").asLong();
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
		Api.Response filed = this.api.post("/api/v1/customer/mitigations/" + mitigation + "/appeal",
				"{\"reason\": \"other\", \"statement\": \"The order was set aside on appeal.\"}", customer);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String decision = "/api/v1/appeals/" + filed.json().get("id").asLong() + "/decision";
		String reverse = "{\"outcome\": \"reversed\", \"reason\": \"The order was set aside.\"}";

		assertThat(this.api.post(decision, reverse, staffToken("judge", Role.REVIEWER)).status()).isEqualTo(403);
		// nothing of the refused decision stays
		assertThat(this.api.get("/api/v1/appeals/" + filed.json().get("id").asLong(), this.admin)
			.json()
			.get("status")
			.asString()).isEqualTo("open");
		assertThat(caseStatus(caseId)).isEqualTo("appealed");
		assertThat(latest(cursor, caseId).get(0).get("status").asString()).isEqualTo("active");

		Api.Response byLegal = this.api.post(decision, reverse, staffToken("counsel", Role.LEGAL));
		assertThat(byLegal.status()).as(byLegal.body()).isEqualTo(200);
		assertThat(latest(cursor, caseId).get(0).get("status").asString()).isEqualTo("removed");
	}

	private void backdate(long mitigationId, String age) {
		this.jdbc.sql("update mitigation set created_at = now() - cast(:age as interval) where id = :id")
			.param("age", age)
			.param("id", mitigationId)
			.update();
	}

}
