package org.abusedesk.intake;

import org.abusedesk.EdgeDeskTest;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CasePlan;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.access.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a reviewer confirms phishing or malware on a case, and the plan the policy
 * names for the confirmed fact is proposed on the case, with the confirmation as the
 * basis the guardrails ask for.
 */
class ConfirmationTests extends EdgeDeskTest {

	@Test
	void proxiedPhishingConfirmedByAReviewerProposesTheInterstitial() {
		String host = "shop." + this.catalog.proxiedZone();
		long caseId = caseOf(file(phishing(host, "/login.php")));
		assertThat(plan(caseId).mitigations()).extracting(ProposedMitigation::type)
			.doesNotContain(MitigationType.PHISHING_INTERSTITIAL);
		long cursor = changeCursor();

		String reviewer = staffToken("reviewer", Role.REVIEWER);
		Api.Response confirmed = confirm(caseId, "phishing_confirmed",
				"Opened the page in a sandbox: a copy of the bank's login form posting to a third party.", reviewer);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);

		CasePlan plan = plan(caseId);
		assertThat(plan.mitigations()).extracting(ProposedMitigation::type, ProposedMitigation::entityType)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN));
		assertThat(plan.refusals()).isEmpty();
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("case.confirmed"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				JsonNode details = tools.jackson.databind.json.JsonMapper.builder().build().readTree(e.details());
				assertThat(details.get("fact").asString()).isEqualTo("phishing_confirmed");
				assertThat(details.get("checked").asString()).isEqualTo(
						"Opened the page in a sandbox: a copy of the bank's login form posting to a third party.");
			});

		CaseWork.Outcome outcome = this.work.accept(caseId, new Actor("approver-" + this.catalog.id(), Role.REVIEWER));
		assertThat(outcome.status()).isEqualTo(CaseStatus.ACTIONED);

		List<JsonNode> fed = edgeFeed(cursor, caseId);
		assertThat(fed).singleElement().satisfies((m) -> {
			assertThat(m.get("type").asString()).isEqualTo("phishing_interstitial");
			assertThat(m.get("entity_type").asString()).isEqualTo("url_pattern");
			assertThat(m.get("target").asString()).isEqualTo("https://" + host + "/login.php");
			assertThat(m.get("status").asString()).isEqualTo("active");
		});
	}

	@Test
	void malwareConfirmedOnAProxiedSiteProposesTheBlock() {
		String host = "files." + this.catalog.proxiedZone();
		long caseId = caseOf(file(phishing(host, "/invoice.exe")));
		long cursor = changeCursor();
		Api.Response confirmed = confirm(caseId, "malware_confirmed",
				"The download is a known banking trojan (sandbox report 4711).", staffToken("senior", Role.SENIOR));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		assertThat(confirmed.json().get("fact").asString()).isEqualTo("malware_confirmed");

		assertThat(plan(caseId).mitigations()).extracting(ProposedMitigation::type, ProposedMitigation::entityType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MitigationType.MALWARE_BLOCK, EntityType.URL_PATTERN));
		assertThat(this.work.accept(caseId, new Actor("approver-" + this.catalog.id(), Role.REVIEWER)).status())
			.isEqualTo(CaseStatus.ACTIONED);
		assertThat(edgeFeed(cursor, caseId)).singleElement().satisfies((m) -> {
			assertThat(m.get("type").asString()).isEqualTo("malware_block");
			assertThat(m.get("target").asString()).isEqualTo("https://" + host + "/invoice.exe");
		});
	}

	@Test
	void aLaterReportToAConfirmedCaseIsDecidedWithTheConfirmation() {
		String host = "shop." + this.catalog.proxiedZone();
		long caseId = caseOf(file(phishing(host, "/login.php")));
		Api.Response confirmed = confirm(caseId, "phishing_confirmed", "Checked the page.",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);

		long later = file(phishing(host, "/pay.php"));
		assertThat(caseOf(later)).isEqualTo(caseId);
		assertThat(queryList(String.class, "select rule from decision where report_id = ?", later))
			.containsExactly("proxy.phishing_confirmed");
	}

	@Test
	void anAgentCannotConfirm() {
		long caseId = caseOf(file(phishing("shop." + this.catalog.proxiedZone(), "/login.php")));
		Api.Response refused = confirm(caseId, "phishing_confirmed", "Looked at it.", staffToken("agent", Role.AGENT));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(confirmations(caseId)).isZero();
	}

	@Test
	void aConfirmationSaysWhatWasChecked() {
		long caseId = caseOf(file(phishing("shop." + this.catalog.proxiedZone(), "/login.php")));
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		Api.Response missing = this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"{\"fact\": \"phishing_confirmed\"}", reviewer);
		assertThat(missing.status()).as(missing.body()).isEqualTo(422);
		assertThat(missing.body()).contains("\"checked\"").contains("required");

		Api.Response wrong = confirm(caseId, "spam_confirmed", "x".repeat(2001), reviewer);
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
		assertThat(wrong.body()).contains("\"fact\"").contains("invalid").contains("too_long");
		assertThat(confirmations(caseId)).isZero();

		Api.Response unknown = confirm(999999999, "malware_confirmed", "Scanned the file.", reviewer);
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
	}

	@Test
	void aClosedCaseIsNotConfirmed() {
		long caseId = caseOf(file(phishing("shop." + this.catalog.proxiedZone(), "/login.php")));
		this.jdbc.sql("update abuse_case set status = 'closed' where id = :id").param("id", caseId).update();
		Api.Response closed = confirm(caseId, "malware_confirmed", "Scanned the file.",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(closed.status()).as(closed.body()).isEqualTo(409);
		assertThat(confirmations(caseId)).isZero();
	}

	private long file(String body) {
		return fileReport("phishing", body).get("id").asLong();
	}

	private CasePlan plan(long caseId) {
		return this.work.view(caseId, new Actor("viewer-" + this.catalog.id(), Role.REVIEWER)).orElseThrow().plan();
	}

	private int confirmations(long caseId) {
		return queryOne(Integer.class, "select count(*) from case_confirmation where case_id = ?", caseId);
	}

}
