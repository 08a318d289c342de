package org.abusedesk.mailbox;

import org.abusedesk.EdgeDeskTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a message with indicators but no type is filed for triage and waits,
 * undecided, until a person picks the type in the console; then the policy decides it
 * once, as a report of that type would be decided. Quarantined messages are read safely
 * and filed again by hand.
 */
class MailTriageTests extends EdgeDeskTest {

	private static final String PASSWORD = "a long triage password";

	@Autowired
	private MailIntake mailbox;

	@Autowired
	private StaffAccounts accounts;

	@Test
	void aMailedReportWithoutItsTypeIsDecidedOnceAsThePickedTypeWouldBe() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		// a phishing case on the site, confirmed by a reviewer: a phishing report joining
		// it is shown the interstitial at once; a general one would not be
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		Api.Response confirmed = confirm(caseId, "phishing_confirmed", "A copy of the bank's login form.",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		long cursor = changeCursor();

		MailOutcome mailed = this.mailbox.receive(("From: Unsure Sender <unsure-" + this.catalog.id()
				+ "@senders.example>\r\nSubject: please look\r\n\r\nPlease check https://" + host + "/verify.php\r\n")
			.getBytes(StandardCharsets.UTF_8), "test", null);
		assertThat(mailed.status()).as(mailed.reason()).isEqualTo("accepted");
		MailOutcome.FiledReport filed = mailed.reports().get(0);
		assertThat(filed.typeUnclear()).isTrue();
		assertThat(filed.type()).isEqualTo("general");
		long reportId = reportIdOf(filed.trackingCode());

		// a report filed after it is decided, so the router has passed the held one by
		long later = fileReport("phishing", phishing(host, "/pay.php")).get("id").asLong();
		assertThat(caseOf(later)).isEqualTo(caseId);
		assertThat(status(reportId)).isEqualTo("submitted");
		assertThat(count("select count(*) from case_report where report_id = ?", reportId)).isZero();
		assertThat(count("select count(*) from decision where report_id = ?", reportId)).isZero();
		assertThat(count(
				"select count(*) from outbox_message where report_id = ? and idempotency_key not like '%:receipt:%'",
				reportId))
			.isZero();

		// staff see it with its indicator, pick phishing, confirm what will happen
		ConsoleSession agent = agent();
		String list = agent.get("/console/mailbox?after=" + (reportId - 1)).body();
		assertThat(list).contains(filed.trackingCode())
			.contains("https://" + host + "/verify.php")
			.contains("<label for=\"type-" + reportId + "\">");
		Api.Response confirm = agent.get("/console/mailbox/unclear/" + reportId + "?type=phishing");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("becomes a <strong id=\"picked-type\">phishing</strong> report")
			.contains("name=\"_csrf\"")
			.contains("forwards to the host and the owner, the mitigations and the reporter's");
		assertThat(agent.postWithoutToken("/console/mailbox/unclear/" + reportId, Map.of("type", "phishing")).status())
			.isEqualTo(403);
		Api.Response picked = agent.post("/console/mailbox/unclear/" + reportId, Map.of("type", "phishing"));
		assertThat(picked.status()).isEqualTo(302);
		assertThat(agent.get("/console/mailbox?after=" + (reportId - 1)).body())
			.contains(
					"Report " + filed.trackingCode() + " is now phishing; the policy decides it as a phishing report.")
			.doesNotContain("data-report=\"" + reportId + "\"");

		// decided as the phishing report filed beside it was: the same case, rule and
		// interstitial, and the host is forwarded it once, as phishing
		assertThat(caseOf(reportId)).isEqualTo(caseId);
		assertThat(rules(reportId)).containsExactly("proxy.phishing_confirmed").isEqualTo(rules(later));
		assertThat(awaitMessageTo(this.catalog.originHost(), "Abuse report " + filed.trackingCode()).getSubject())
			.isEqualTo("Abuse report " + filed.trackingCode() + " (phishing) about " + host);
		assertThat(
				count("select count(*) from outbox_message where report_id = ? and kind = 'forward_to_host'", reportId))
			.isEqualTo(1);
		List<JsonNode> fed = latest(cursor, caseId);
		JsonNode mailedBlock = fed.stream()
			.filter((m) -> m.get("target").asString().equals("https://" + host + "/verify.php"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(fed.toString()));
		JsonNode filedBlock = fed.stream()
			.filter((m) -> m.get("target").asString().equals("https://" + host + "/pay.php"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(fed.toString()));
		for (String field : List.of("type", "entity_type", "status")) {
			assertThat(mailedBlock.get(field)).as(field).isEqualTo(filedBlock.get(field));
		}
		assertThat(mailedBlock.get("type").asString()).isEqualTo("phishing_interstitial");

		// the pick is audited, and a second one finds nothing to pick: nothing twice
		assertThat(this.audit.entries("report:" + reportId))
			.filteredOn((entry) -> entry.action().equals("report.type_chosen"))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("staff:triage-" + this.catalog.id());
				assertThat(entry.details()).contains("\"to\":\"phishing\"").contains("\"released\":true");
			});
		Api.Response again = this.api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"general\"}", this.admin);
		assertThat(again.status()).isEqualTo(404);
	}

	@Test
	void aTypeTheReportCannotTakeIsRefusedAndTheReportStaysHeld() {
		String host = "www." + this.catalog.proxiedZone();
		MailOutcome mailed = this.mailbox
			.receive(("From: unsure-" + this.catalog.id() + "@senders.example\r\nSubject: look\r\n\r\nSomething odd on "
					+ host + " at night\r\n")
				.getBytes(StandardCharsets.UTF_8), "test", null);
		assertThat(mailed.status()).as(mailed.reason()).isEqualTo("accepted");
		MailOutcome.FiledReport filed = mailed.reports().get(0);
		assertThat(filed.urls()).containsExactly("http://" + host + "/");
		long reportId = reportIdOf(filed.trackingCode());
		String agent = staffToken("agent", Role.AGENT);

		Api.Response siteOnly = this.api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"children\"}", agent);
		Api.Response needsFields = this.api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"dmca\"}", agent);

		assertThat(siteOnly.status()).as(siteOnly.body()).isEqualTo(422);
		assertThat(siteOnly.body()).contains("\"type\"").contains("direct_url_required");
		assertThat(needsFields.status()).as(needsFields.body()).isEqualTo(422);
		assertThat(needsFields.body()).contains("unsupported_type").contains("ask the reporter to use the form");
		assertThat(status(reportId)).isEqualTo("submitted");
		JsonNode open = this.api.get("/api/v1/intake/unclear?limit=200&after=" + (reportId - 1), agent).json();
		assertThat(open.get("reports").get(0).get("urls").get(0).asString()).isEqualTo("http://" + host + "/");
		assertThat(open.get("reports").get(0).get("status").asString()).isEqualTo("submitted");

		Api.Response general = this.api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"general\"}", agent);

		assertThat(general.status()).as(general.body()).isEqualTo(200);
		assertThat(caseOf(reportId)).isPositive();
		assertThat(rules(reportId)).containsExactly("proxy.forward");
	}

	@Test
	void aQuarantinedMessageIsShownEscapedAndReFiledAsTheTypeStaffPick() throws Exception {
		String sender = "busy-" + this.catalog.id() + "@feeds.example";
		String hosts = IntStream.range(0, 61)
			.mapToObj((i) -> "https://site" + i + "." + this.catalog.hostedZone() + "/kit/")
			.collect(Collectors.joining("\r\n"));
		byte[] raw = ("From: " + sender + "\r\nSubject: <b>kits</b>\r\n\r\n<script>alert(1)</script>\r\n" + hosts
				+ "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailOutcome quarantined = this.mailbox.receive(raw, "test", null);
		assertThat(quarantined.status()).isEqualTo("quarantined");
		assertThat(quarantined.reason()).startsWith("rate_limited");
		long id = quarantined.messageId();

		ConsoleSession agent = agent();
		assertThat(agent.get("/console/mailbox/quarantine").body()).contains("data-message=\"" + id + "\"")
			.contains(quarantined.reason());
		String page = agent.get("/console/mailbox/quarantine/" + id).body();
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert")
			.contains("&lt;b&gt;kits&lt;/b&gt;")
			.contains("<label for=\"refile-type\">");
		Api.Response original = agent.get("/console/mailbox/quarantine/" + id + "/original");
		assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(original.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(original.headers().firstValue("Content-Security-Policy")).contains("sandbox");
		assertThat(original.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(raw);
		assertThat(agent.postWithoutToken("/console/mailbox/quarantine/" + id + "/release", Map.of("type", "phishing"))
			.status()).isEqualTo(403);

		Api.Response refiled = agent.post("/console/mailbox/quarantine/" + id + "/release", Map.of("type", "phishing"));

		assertThat(refiled.status()).isEqualTo(302);
		assertThat(agent.get("/console/mailbox/quarantine").body()).contains("Message " + id + " accepted: filed as 61")
			.doesNotContain("data-message=\"" + id + "\"");
		assertThat(queryList(String.class, "select type || ' ' || count(*) from report where source = ? group by type",
				"mail_message:" + id))
			.containsExactly("phishing 61");
		assertThat(this.audit.entries("mail_message:" + id)).extracting((entry) -> entry.action())
			.containsSubsequence("mail.quarantined", "mail.released", "mail.accepted");
		assertThat(agent.get("/console/mailbox/quarantine/" + id).status()).isEqualTo(404);
	}

	private ConsoleSession agent() {
		String name = "triage-" + this.catalog.id();
		this.accounts.create(name, Role.AGENT, PASSWORD);
		return new ConsoleSession(this.port).signIn(name, PASSWORD);
	}

	private String status(long reportId) {
		return queryOne(String.class, "select status from report where id = ?", reportId);
	}

	private int count(String sql, long id) {
		return queryOne(Integer.class, sql, id);
	}

	private List<String> rules(long reportId) {
		return queryList(String.class, "select rule from decision where report_id = ? order by id", reportId);
	}

}
