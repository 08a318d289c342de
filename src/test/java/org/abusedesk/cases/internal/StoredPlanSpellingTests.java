package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.abusedesk.DeskTest;
import org.abusedesk.cases.CasePlan;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, ADR 0014: plans stored before named a mitigation's entity type
 * {@code target}, and a proposal's durations had no unit. Migration V281 rewrites them to
 * the one spelling the readers know; run again here over rows written the old way, in a
 * transaction that is rolled back.
 */
class StoredPlanSpellingTests extends DeskTest {

	private static final String OLD_DECISION = """
			[{"type": "content_disable", "target": "url_pattern", "territorial_scope": [],
			  "effective_after_seconds": 86400, "expires_after_seconds": null, "review_after_seconds": null}]""";

	private static final String OLD_PROPOSAL = """
			{"review": "one", "explanations": ["Old."], "refusals": [],
			 "mitigations": [{"type": "legal_block", "target": "url_pattern", "territorial_scope": ["DE"],
			                  "effective_after": 3600, "expires_after": 7200, "review_after": null}]}""";

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Decisions decisions;

	@Test
	void plansStoredWithTargetForTheEntityTypeReadAfterTheMigration() {
		long reportId = this.api
			.post("/api/v1/reports/phishing", this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"),
					null)
			.json()
			.get("id")
			.asLong();
		long caseId = caseOf(reportId);

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("update decision set mitigations = cast(:old as jsonb) where report_id = :report")
				.param("old", OLD_DECISION)
				.param("report", reportId)
				.update();
			long proposalId = this.jdbc.sql("""
					insert into case_proposal (case_id, plan, review, proposed_by, status, decided_at)
					values (:case, cast(:old as jsonb), 'one', 'staff:test', 'refused', now()) returning id""")
				.param("case", caseId)
				.param("old", OLD_PROPOSAL)
				.query(Long.class)
				.single();

			ScriptUtils.executeSqlScript(DataSourceUtils.getConnection(this.dataSource),
					new ClassPathResource("db/migration/V281__stored_plans_entity_type_and_seconds.sql"));

			List<Decision> decided = this.decisions.latestOfReport(reportId);
			assertThat(decided).isNotEmpty();
			assertThat(decided).flatExtracting((decision) -> decision.plan().mitigations())
				.extracting(ProposedMitigation::entityType, ProposedMitigation::effectiveAfter)
				.containsOnly(org.assertj.core.groups.Tuple.tuple(EntityType.URL_PATTERN, Duration.ofHours(24)));
			String plan = this.jdbc.sql("select cast(plan as text) from case_proposal where id = :id")
				.param("id", proposalId)
				.query(String.class)
				.single();
			assertThat(plan).doesNotContain("\"target\"").contains("\"effective_after_seconds\"");
			CasePlan read = ProposalRepository.read(plan);
			assertThat(read.mitigations()).singleElement().satisfies((mitigation) -> {
				assertThat(mitigation.entityType()).isEqualTo(EntityType.URL_PATTERN);
				assertThat(mitigation.territorialScope()).containsExactly("DE");
				assertThat(mitigation.effectiveAfter()).isEqualTo(Duration.ofHours(1));
				assertThat(mitigation.expiresAfter()).isEqualTo(Duration.ofHours(2));
				assertThat(mitigation.reviewAfter()).isNull();
			});
			status.setRollbackOnly();
		});
	}

}
