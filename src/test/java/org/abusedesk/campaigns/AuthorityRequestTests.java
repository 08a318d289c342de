package org.abusedesk.campaigns;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.identity.Role;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

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
