package org.abusedesk.campaigns;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, government pressure: every request from an authority is counted per country
 * and target, shown to staff, and one that cites the provider's own policy language goes
 * to a senior reviewer.
 */
class AuthorityRequestTests extends DeskTest {

	@Autowired
	private ReportFiling filing;

	@Autowired
	private AuditLog audit;

	@Autowired
	private CaseWork work;

	@Autowired
	private StaffAccounts accounts;

	@Test
	void requestsOfAuthoritiesAreCountedPerCountryAndTargetAndPolicyCitationsGoToASenior() {
		String host = "blog." + this.catalog.hostedZone();
		ReportReceipt citing = file(host, "/post-1", "ministry@gov.example", "HU",
				"This blog engages in hateful conduct against our officials, as your own policy says.",
				ReporterKind.GOVERNMENT);
		ReportReceipt plain = file(host, "/post-2", "police@police.example", "HU",
				"This post is evidence in an investigation.", ReporterKind.LAW_ENFORCEMENT);
		long caseId = caseOf(citing.id());
		assertThat(caseOf(plain.id())).isEqualTo(caseId);

		Api.Response counts = this.api.get("/api/v1/authority-requests?account=hosting-" + this.catalog.id(),
				staffToken("senior", Role.SENIOR));
		assertThat(counts.status()).as(counts.body()).isEqualTo(200);
		assertThat(counts.json().valueStream().map(this::line)).containsExactlyInAnyOrder(
				"hosting-" + this.catalog.id() + " HU government 1 1",
				"hosting-" + this.catalog.id() + " HU law_enforcement 1 0");
		assertThat(this.api.get("/api/v1/authority-requests", staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
		assertThat(this.audit.entries("case:" + caseId))
			.filteredOn((entry) -> entry.action().equals("case.authority_cites_policy"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains("\"report_id\":" + citing.id()));

		// and the transparency report counts them by country (other tests may add some
		// the
		// same day)
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Api.Response report = this.api.get("/api/v1/transparency/report?from=" + today + "&to=" + today,
				staffToken("agent", Role.AGENT));
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		JsonNode requests = report.json().at("/sections/authority_requests");
		assertThat(requests.get("by_country").valueStream().filter((row) -> row.get("country").asString().equals("HU")))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("count").asLong()).isGreaterThanOrEqualTo(2));
		assertThat(requests.at("/citing_policy/0/count").asLong()).isPositive();
	}

	@Test
	void anAuthorityCitingOurPolicyLanguageOverHttpWaitsForASeniorWhereOneReviewerWouldDo() {
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "ministry %1$s", "reporter_kind": "government", "name": "Ministry",
				 "email": "ministry-%1$s@gov.example"}""".formatted(this.catalog.id()), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		String host = "blog." + this.catalog.hostedZone();
		long citing = fileOverHttp(token, host, "/essay",
				"This essay is Hateful   Conduct as defined by your acceptable use policy.");
		long plain = fileOverHttp(token, host, "/other-essay", "This essay is unlawful under our press law.");
		long caseId = caseOf(citing);
		assertThat(caseOf(plain)).isEqualTo(caseId);

		// the hosting rule asks for one reviewer; citing our own words, a senior
		Api.Response shown = this.api.get("/api/v1/cases/" + caseId, this.admin);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json()
			.get("reports")
			.valueStream()
			.map((r) -> r.get("report_id").asLong() + " " + r.at("/decisions/0/plan/rule").asString() + " "
					+ r.at("/decisions/0/plan/review").asString()))
			.containsExactlyInAnyOrder(citing + " hosting.review senior", plain + " hosting.review one");
		assertThat(shown.json().get("history").valueStream().map((e) -> e.get("action").asString()))
			.contains("case.authority_cites_policy");

		// a reviewer's yes is not enough for the case's plan; a senior's is
		Actor reviewer = new Actor("reviewer-" + this.catalog.id(), Role.REVIEWER);
		assertThat(this.work.accept(caseId, reviewer).status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
		assertThatThrownBy(
				() -> this.work.answer(caseId, new Actor("other-" + this.catalog.id(), Role.REVIEWER), true, null))
			.isInstanceOfSatisfying(CaseWorkException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(CaseWorkException.Kind.FORBIDDEN));
		assertThat(this.work.answer(caseId, new Actor("senior-" + this.catalog.id(), Role.SENIOR), true, "Checked.")
			.status()).isIn(CaseStatus.ACTIONED, CaseStatus.CLOSED);
	}

	@Test
	void theAccountPageShowsSeniorsTheRequestsPerCountryAndKind() {
		String host = "blog." + this.catalog.hostedZone();
		ReportReceipt first = file(host, "/a", "ministry@gov.example", "HU",
				"This blog engages in hateful conduct, as your own policy says.", ReporterKind.GOVERNMENT);
		file(host, "/b", "ministry@gov.example", "HU", "Remove this post.", ReporterKind.GOVERNMENT);
		file(host, "/c", "police@police.example", "TR", "Evidence in an investigation.", ReporterKind.LAW_ENFORCEMENT);
		long caseId = caseOf(first.id());
		String account = "hosting-" + this.catalog.id();

		this.accounts.create("senior-page-" + this.catalog.id(), Role.SENIOR, "a long test password");
		ConsoleSession senior = new ConsoleSession(this.port).signIn("senior-page-" + this.catalog.id(),
				"a long test password");
		Api.Response page = senior.get("/console/accounts/" + account);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("3 requests from governments and law enforcement")
			.containsPattern("data-country=\"HU\" data-kind=\"government\">\\s*<td>HU</td>\\s*<td>government</td>"
					+ "\\s*<td class=\"requests\">2</td>\\s*<td class=\"citing\">1</td>")
			.containsPattern("data-country=\"TR\" data-kind=\"law_enforcement\">[\\s\\S]*?"
					+ "<td class=\"requests\">1</td>\\s*<td class=\"citing\">0</td>");
		// the case page leads a senior there
		assertThat(senior.get("/console/cases/" + caseId).body()).contains("/console/accounts/" + account);

		// a reviewer neither sees the link nor the page
		this.accounts.create("reviewer-page-" + this.catalog.id(), Role.REVIEWER, "a long test password");
		ConsoleSession reviewer = new ConsoleSession(this.port).signIn("reviewer-page-" + this.catalog.id(),
				"a long test password");
		assertThat(reviewer.get("/console/accounts/" + account).status()).isEqualTo(403);
		assertThat(reviewer.get("/console/cases/" + caseId).body()).doesNotContain("/console/accounts/");
	}

	private long fileOverHttp(String token, String host, String path, String justification) {
		Api.Response filed = this.api.post("/api/v1/reports/general", """
				{"reporter": {"name": "Officer", "email": "officer-%s@gov.example", "country": "HU"},
				 "urls": ["https://%s%s"], "justification": "%s",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.id(), host,
				path, justification), token);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().get("id").asLong();
	}

	private String line(JsonNode count) {
		return count.get("account_ref").asString() + " " + count.get("country").asString() + " "
				+ count.get("reporter_kind").asString() + " " + count.get("requests").asInt() + " "
				+ count.get("citing_policy").asInt();
	}

	private ReportReceipt file(String host, String path, String email, String country, String justification,
			ReporterKind kind) {
		String json = """
				{"reporter": {"name": "Officer", "email": "%s", "country": "%s"},
				 "urls": ["https://%s%s"],
				 "justification": "%s",
				 "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(email.replace("@", "-" + this.catalog.id() + "@"), country, host,
				path, justification);
		return this.filing.file("mail", "test:" + email, "general", json, kind);
	}

}
