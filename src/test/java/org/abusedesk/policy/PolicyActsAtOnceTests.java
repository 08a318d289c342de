package org.abusedesk.policy;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.util.List;

import org.abusedesk.audit.AuditLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, found by the decision matrix: a plan that needs no review and names
 * mitigations ({@code proxy.children}: "We stopped serving it through our network at
 * once") recorded nothing, so child sexual abuse material stayed on the network while the
 * reporter was told it was gone. Such a plan is now applied when the report is routed.
 */
class PolicyActsAtOnceTests extends EdgeDeskTest {

	@Test
	void proxiedChildAbuseMaterialIsDisabledAtOnceAsThePolicySays() {
		String host = "media." + this.catalog.proxiedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("children", """
				{"urls": ["https://%1$s/gallery/abuse.jpg", "https://%1$s/albums/42/"],
				 "justification": "Abuse imagery of a child.",
				 "notify": {"host": "send-anon", "owner": "send-anon", "ncmec": "send-anon"}, "good_faith": true}"""
			.formatted(host));

		List<JsonNode> fed = await().atMost(Duration.ofSeconds(20))
			.until(() -> latest(cursor, caseId), (items) -> items.size() == 2);
		assertThat(fed)
			.extracting((m) -> m.get("type").asString() + " " + m.get("entity_type").asString() + " "
					+ m.get("target").asString() + " " + m.get("status").asString())
			.containsExactlyInAnyOrder("content_disable url_pattern https://" + host + "/gallery/abuse.jpg active",
					"content_disable url_pattern https://" + host + "/albums/42/* active");
		assertThat(caseStatus(caseId)).isEqualTo("actioned");
		assertThat(this.jdbc
			.sql("select rule from decision where report_id in "
					+ "(select report_id from case_report where case_id = :id)")
			.param("id", caseId)
			.query(String.class)
			.list()).containsExactly("proxy.children");
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("case.plan_applied"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("system");
				assertThat(e.details()).contains("content_disable");
			});
		assertThat(this.audit.entries("case:" + caseId)).extracting(AuditLog.Entry::action)
			.contains("case.opened", "case.report_attached", "case.plan_applied");
		// the host and the owner are still told, as the plan says
		assertThat(this.jdbc.sql("""
				select kind from outbox_message where case_id = :id and kind in ('forward_to_host', 'notify_owner')
				order by kind""").param("id", caseId).query(String.class).list()).containsExactly("forward_to_host",
				"notify_owner");
	}

	@Test
	void aReportOnAnAtRiskAccountIsNotActedOnWithoutASenior() {
		String zone = "risky-" + this.catalog.id() + ".example";
		String document = """
				{"accounts": [{"ref": "risky-%1$s", "name": "Risky %1$s", "abuse_contact": "risky-%1$s@customer.example",
				  "at_risk": true, "status": "active",
				  "properties": [{"zone": "%2$s", "services": ["proxy"],
				    "origin": {"address": "203.0.113.78", "host_name": "Origin %1$s",
				               "host_abuse_contact": "%3$s"}}]}]}"""
			.formatted(this.catalog.id(), zone, this.catalog.originHost());
		assertThat(this.api.put("/api/v1/catalog", document, this.admin).status()).isEqualTo(200);
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("children", """
				{"urls": ["https://www.%s/gallery/abuse.jpg"], "justification": "Abuse imagery of a child.",
				 "notify": {"host": "send-anon", "owner": "send-anon", "ncmec": "send-anon"}, "good_faith": true}"""
			.formatted(zone));

		assertThat(caseStatus(caseId)).isEqualTo("triage");
		assertThat(latest(cursor, caseId)).isEmpty();
		assertThat(this.audit.entries("case:" + caseId)).extracting(AuditLog.Entry::action)
			.doesNotContain("case.plan_applied");
	}

}
