package org.abusedesk.campaigns;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.policy.PolicyDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: one reporter's API token filing many reports against one customer is a
 * campaign of its own, and when reports are a campaign is the policy version's setting
 * ({@code campaigns} in the document), matched by rules as {@code campaign_suspected}.
 */
class CampaignSettingsTests extends DeskTest {

	@Autowired
	private Campaigns campaigns;

	@Autowired
	private PolicyDocuments policies;

	@Autowired
	private AuditLog audit;

	@Test
	void manyReportsThroughOneTokenAgainstOneCustomerAreACampaignWithTheirEvidence() {
		String label = "reputation agency " + this.catalog.id();
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "%s", "reporter_kind": "organisation", "name": "Agency",
				 "email": "desk-%s@agency.example"}""".formatted(label, this.catalog.id()), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		String host = "shop." + this.catalog.proxiedZone();

		// ten different complaints (no two alike), all through the one token: the
		// default policy's min_token_reports
		List<Long> reports = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Api.Response filed = this.api.post("/api/v1/reports/general", """
					{"urls": ["https://%s/item-%d"],
					 "justification": "Item %d: page %d copies listing %d of catalogue %d.",
					 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(host, i, i, i, i, i),
					token);
			assertThat(filed.status()).as(filed.body()).isEqualTo(201);
			reports.add(filed.json().get("id").asLong());
		}
		long caseId = caseOf(reports.get(9));
		reports.forEach((id) -> assertThat(caseOf(id)).isEqualTo(caseId));

		// the case says so, with how many, how alike and through which token
		assertThat(this.campaigns.ofCase(caseId)).hasValueSatisfying((evidence) -> {
			assertThat(evidence.tokens()).containsExactly(label);
			assertThat(evidence.tokenReports()).isEqualTo(10);
			assertThat(evidence.reporters()).isEqualTo(1);
			assertThat(evidence.nearIdentical()).isZero();
			assertThat(evidence.policyVersion()).isEqualTo(this.policies.active().version());
		});
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("case.campaign_flagged"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains(label).contains("\"token_reports\":10"));
		// the tenth is decided as part of the campaign: not forwarded, a person looks
		Api.Response shown = this.api.get("/api/v1/cases/" + caseId, this.admin);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json()
			.get("reports")
			.valueStream()
			.filter((report) -> report.get("report_id").asLong() == reports.get(9))
			.map((report) -> report.at("/decisions/0/plan/rule").asString())).containsExactly("campaign.hold");
		assertThat(forwards(reports)).isLessThan(2 * reports.size()).isLessThanOrEqualTo(2 * 9);

		// someone else's report about the same customer is no part of it
		Api.Response other = this.api.post("/api/v1/reports/general",
				this.catalog.report(host, "send", "send", "?other"), null);
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		long otherId = other.json().get("id").asLong();
		caseOf(otherId);
		assertThat(forwards(List.of(otherId))).isEqualTo(2);
	}

	@Test
	void theThresholdsAreThoseOfThePolicyVersionInForce() {
		String version = "campaigns-" + this.catalog.id();
		String before = this.policies.active().document();
		String draft = before.replaceFirst("version: \\S+", "version: " + version)
			.replace("min_reporters: 10", "min_reporters: 3");
		String host = "blog." + this.catalog.proxiedZone();
		this.policies.activate(draft, "test");
		try {
			List<Long> reports = new ArrayList<>();
			String[] texts = { "The article copies my photograph without a licence.",
					"This page insults my family by name in the comments.",
					"A fake review section defames our restaurant." };
			for (int i = 0; i < texts.length; i++) {
				Api.Response filed = this.api.post("/api/v1/reports/general", """
						{"reporter": {"name": "R%1$d", "email": "r%1$d-%2$s@mail.example", "kind": "individual"},
						 "urls": ["https://%3$s/post-%1$d"], "justification": "%4$s",
						 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(i,
						this.catalog.id(), host, texts[i]), null);
				assertThat(filed.status()).as(filed.body()).isEqualTo(201);
				reports.add(filed.json().get("id").asLong());
			}
			long caseId = caseOf(reports.get(2));
			// three reporters are a campaign under this version (the default wants ten)
			assertThat(this.campaigns.ofCase(caseId)).hasValueSatisfying((evidence) -> {
				assertThat(evidence.reporters()).isEqualTo(3);
				assertThat(evidence.policyVersion()).isEqualTo(version);
			});
		}
		finally {
			this.policies.activate(before, "test");
		}
	}

	/** The forwards to the host and the owner queued for the reports. */
	private int forwards(List<Long> reportIds) {
		return this.jdbc.sql("""
				select count(*) from outbox_message
				where report_id = any(:ids) and kind in ('forward_to_host', 'notify_owner')""")
			.param("ids", reportIds.toArray(Long[]::new))
			.query(Integer.class)
			.single();
	}

}
