package org.abusedesk.cases;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.DeskTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first complete path: a report about a proxied site is resolved, decided and
 * forwarded by real email to the site's hosting provider and owner.
 */
class ReportPathTests extends DeskTest {

	@Test
	void proxiedReportIsForwardedToHostAndOwnerHonouringAnonymity() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		JsonNode receipt = fileReport("phishing", this.catalog.report(host, "send", "send-anon"));

		assertThat(receipt.get("status").asString()).isEqualTo("submitted");
		assertThat(receipt.get("tracking_code").asString()).matches("AD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(receipt.has("denial_reason")).isTrue();

		MimeMessage toHost = awaitMessageTo(this.catalog.originHost());
		String hostBody = body(toHost);
		assertThat(hostBody).contains("203.0.113.77")
			.contains("https://" + host + "/login.php")
			.contains("https://" + host + "/pay.php")
			.contains(this.catalog.reporter())
			.contains("Rita Reporter");

		MimeMessage toOwner = awaitMessageTo(this.catalog.owner());
		String ownerBody = body(toOwner);
		assertThat(ownerBody).contains("https://" + host + "/login.php")
			.doesNotContain(this.catalog.reporter())
			.doesNotContain("Rita")
			.doesNotContain("employer")
			.doesNotContain("203.0.113.77");

		String reporterBody = body(awaitMessageTo(this.catalog.reporter(), "Your report"));
		assertThat(reporterBody).contains("Origin Hosting " + this.catalog.id())
			.contains("six months")
			.contains(this.catalog.originHost())
			.doesNotContain("203.0.113.77");

		long reportId = receipt.get("id").asLong();
		awaitValue("accepted", "select status from report where id = ?", reportId);
		assertThat(queryList(String.class, "select rule from decision where report_id = ?", reportId))
			.containsExactly("proxy.forward");
	}

	@Test
	void ownerChoiceNoneSendsNothingToTheOwner() throws Exception {
		String host = "www." + this.catalog.proxiedZone();
		long reportId = fileReport("general", this.catalog.report(host, "send-anon", "none")).get("id").asLong();

		String hostBody = body(awaitMessageTo(this.catalog.originHost()));
		assertThat(hostBody).doesNotContain(this.catalog.reporter()).doesNotContain("Rita");
		await().atMost(Duration.ofSeconds(20)).until(() -> outboxKinds(reportId).size() == 3);
		assertThat(outboxKinds(reportId)).containsExactlyInAnyOrder("forward_to_host", "notify_reporter",
				"notify_reporter");
		assertThat(messagesTo(this.catalog.owner())).isEmpty();
	}

	@Test
	void hostedReportOpensACaseForReviewAndSendsNothing() {
		long reportId = fileReport("general", this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"))
			.get("id")
			.asLong();
		long caseId = caseOf(reportId);

		Api.Response shown = this.api.get("/api/v1/cases/" + caseId, this.admin);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		JsonNode details = shown.json();
		assertThat(details.at("/case_info/status").asString()).isEqualTo("triage");
		assertThat(details.at("/case_info/property").asString()).isEqualTo(this.catalog.hostedZone());
		assertThat(details.at("/reports/0/decisions/0/plan/rule").asString()).isEqualTo("hosting.review");
		assertThat(details.at("/reports/0/decisions/0/plan/explanation").asString()).contains("reviewer");
		assertThat(details.at("/history/0/action").asString()).isEqualTo("case.opened");
		assertThat(shown.body()).doesNotContain(this.catalog.reporter());

		// the reporter's receipt is all that goes out: nothing to the customer before
		// review
		assertThat(outboxKinds(reportId)).containsExactly("notify_reporter");
		assertThat(messagesTo(this.catalog.hoster())).isEmpty();
	}

	@Test
	void secondReportAboutTheSamePropertyAndTypeJoinsTheOpenCase() {
		String host = "blog." + this.catalog.hostedZone();
		long first = this.api.post("/api/v1/reports/general", this.catalog.report(host, "send", "send"), null)
			.json()
			.get("id")
			.asLong();
		long second = this.api
			.post("/api/v1/reports/general", this.catalog.report(host, "send", "send", "?second"), null)
			.json()
			.get("id")
			.asLong();
		awaitValue("2 reports, 1 case",
				"select count(*) || ' reports, ' || count(distinct case_id) || ' case' from case_report where report_id in (?, ?)",
				first, second);
	}

	@Test
	void reportAboutSomeoneElsesSiteIsStoredAndDeniedNotOurs() {
		Api.Response created = this.api.post("/api/v1/reports/general",
				this.catalog.report("elsewhere-" + this.catalog.id() + ".example", "send", "send"), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("denied");
		assertThat(created.json().get("denial_reason").asString()).isEqualTo("not_ours");
		long reportId = created.json().get("id").asLong();
		assertThat(queryOne(String.class, "select status from report where id = ?", reportId)).isEqualTo("denied");
	}

	@Test
	void aStoredReportKeepsItsUrlsAndAddressesInOrderAndMarksItsRawBodyStored() {
		String zone = this.catalog.proxiedZone();
		String body = """
				{"reporter": {"name": "Order", "email": "order@reporters.example", "kind": "individual"},
				 "urls": ["https://www.%1$s/3", "https://www.%1$s/1", "https://www.%1$s/2"],
				 "ips": ["192.0.2.9", "2001:db8::9"], "justification": "Spam from these.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(zone);
		Api.Response created = this.api.post("/api/v1/reports/general", body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long reportId = created.json().get("id").asLong();
		assertThat(
				queryList(String.class, "select url from report_url where report_id = ? order by position", reportId))
			.containsExactly("https://www." + zone + "/3", "https://www." + zone + "/1", "https://www." + zone + "/2");
		assertThat(queryList(String.class, "select address from report_address where report_id = ? order by position",
				reportId))
			.containsExactly("192.0.2.9", "2001:db8::9");
		assertThat(queryOne(String.class,
				"select r.outcome from raw_submission r join report p on p.raw_submission_id = r.id where p.id = ?",
				reportId))
			.isEqualTo("stored");
	}

	@Test
	void reporterEmailWithSeveralRecipientsIsRefused() {
		// issue 12, item 7: this reached three recipients
		for (String email : List.of("root,postmaster,victim@evil.example", "victim@evil.example, root@evil.example",
				"root", "postmaster@localhost", "Victim <victim@evil.example>")) {
			String body = this.catalog.report("shop." + this.catalog.proxiedZone(), "send", "send")
				.replace(this.catalog.reporter(), email);
			Api.Response answer = this.api.post("/api/v1/reports/phishing", body, null);
			assertThat(answer.status()).as(email).isEqualTo(422);
			assertThat(answer.json().get("errors").valueStream().map((e) -> e.get("field").asString()).toList())
				.as(email)
				.containsExactly("reporter.email");
		}
	}

	@Test
	void catalogContactWithSeveralRecipientsIsRefusedByTheSameRule() {
		String document = """
				{"accounts": [{"ref": "many-%1$s", "name": "Many %1$s", "abuse_contact": "root,postmaster,victim@evil.example",
				  "at_risk": false, "status": "active", "properties": []}]}"""
			.formatted(this.catalog.id());
		Api.Response answer = this.api.put("/api/v1/catalog", document, this.admin);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("accounts[0].abuse_contact");
		assertThat(answer.json().get("rejected").get(0).get("errors").get(0).get("code").asString())
			.isEqualTo("invalid");
	}

	@Test
	void invalidReportAnswers422WithEveryErrorAndKeepsTheRawBody() {
		String body = "{\"reporter\": {\"name\": \"X\"}, \"urls\": [\"nope-" + this.catalog.id() + "\"]}";
		Api.Response answer = this.api.post("/api/v1/reports/general", body, null);
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = answer.json();
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		List<String> fields = problem.get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
		assertThat(fields).contains("reporter.email", "reporter.kind", "urls[0]", "justification", "notify",
				"good_faith");
		assertThat(queryList(String.class, "select outcome from raw_submission where convert_from(body, 'UTF8') = ?",
				body))
			.containsExactly("invalid");
	}

	@Test
	void rejectsBodiesOverOneMebibyte() {
		String huge = "{\"justification\": \"" + "x".repeat(1024 * 1024) + "\"}";
		assertThat(this.api.post("/api/v1/reports/general", huge, null).status()).isEqualTo(413);
	}

	private static MimeMessage awaitMessageTo(String recipient) {
		return awaitMessageTo(recipient, "");
	}

}
