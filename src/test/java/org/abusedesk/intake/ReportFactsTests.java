package org.abusedesk.intake;

import org.abusedesk.DeskTest;
import java.time.Duration;

import org.abusedesk.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a reporter states reaches the policy as facts. */
class ReportFactsTests extends DeskTest {

	private record Decided(String rule, String refusal, String mitigations) {
	}

	private Decided decisionOf(long reportId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> queryOne(Integer.class, "select count(*) from decision where report_id = ?", reportId) > 0);
		return this.jdbc.sql("select rule, refusal, cast(mitigations as text) as m from decision where report_id = :id")
			.param("id", reportId)
			.query((rs, n) -> new Decided(rs.getString("rule"), rs.getString("refusal"), rs.getString("m")))
			.single();
	}

	@Test
	void aLegalOrderOnAProxiedSiteIsBlockedOnlyWhereTheOrderApplies() {
		Api.Response created = this.api.post("/api/v1/reports/legal_order", """
				{"reporter": {"name": "Clerk", "email": "clerk-%s@court.example", "kind": "organisation"},
				 "urls": ["https://news.%s/article"], "justification": "Injunction.",
				 "issuing_authority": "Landgericht Berlin", "jurisdiction": "DE", "legal_basis": "§ 1004 BGB",
				 "order_reference": "27 O 1/26", "territorial_scope": ["DE"],
				 "document": {"filename": "order.txt", "data_base64": "T3JkZXIgb2YgdGhlIGNvdXJ0Lgo="},
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.id(),
				this.catalog.proxiedZone()), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Decided decided = decisionOf(created.json().get("id").asLong());
		assertThat(decided.rule()).isEqualTo("proxy.legal_order");
		assertThat(decided.refusal()).isNull();
		assertThat(decided.mitigations()).contains("legal_block").contains("\"DE\"").doesNotContain("\"EU\"");
		assertThat(queryList(String.class, "select detected_type from evidence where report_id = ?",
				created.json().get("id").asLong()))
			.containsExactly("text/plain");
	}

	@Test
	void anImminentThreatOnHostingSkipsTheGracePeriodRule() {
		Api.Response created = this.api.post("/api/v1/reports/threat", """
				{"reporter": {"name": "R", "email": "r-%s@reporter.example", "kind": "individual"},
				 "urls": ["https://forum.%s/thread/9"], "justification": "Announces an attack tomorrow.",
				 "imminent": true, "notify": {"host": "send-anon", "owner": "send-anon"}, "good_faith": true}"""
			.formatted(this.catalog.id(), this.catalog.hostedZone()), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(decisionOf(created.json().get("id").asLong()).rule()).isEqualTo("hosting.threat_imminent");
	}

}
