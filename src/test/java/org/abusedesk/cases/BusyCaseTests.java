package org.abusedesk.cases;

import java.time.Duration;

import org.abusedesk.ConsoleSession;
import org.abusedesk.DeskTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case that gathered many reports (a flood against one site) is shown a page at a time,
 * in the API and in the console, with its newest history.
 */
class BusyCaseTests extends DeskTest {

	private static final int REPORTS = 130;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CaseWork work;

	@Autowired
	private AuditLog audit;

	private long caseId;

	@BeforeEach
	void fileABusyCase() {
		this.caseId = fileBatch();
	}

	@Test
	void aBusyCaseIsShownAPageOfReportsAndOfHistoryAtATime() {
		JsonNode first = this.api.get("/api/v1/cases/" + this.caseId, this.admin).json();
		assertThat(first.at("/case_info/report_count").asInt()).isEqualTo(REPORTS);
		assertThat(first.get("reports")).hasSize(100);
		long after = first.get("reports_next_after").asLong();
		assertThat(after).isEqualTo(first.at("/reports/99/report_id").asLong());
		assertThat(first.at("/reports/0/decisions/0/plan/rule").asString()).isEqualTo("hosting.review");
		// case.opened and one case.report_attached per report
		assertThat(first.get("history")).hasSize(REPORTS + 1);
		assertThat(first.get("history_older_before").isNull()).isTrue();

		JsonNode second = this.api
			.get("/api/v1/cases/" + this.caseId + "?reports_after=" + after + "&history_limit=50", this.admin)
			.json();
		assertThat(second.get("reports")).hasSize(REPORTS - 100);
		assertThat(second.get("reports_next_after").isNull()).isTrue();
		assertThat(second.at("/reports/0/report_id").asLong()).isGreaterThan(after);
		assertThat(second.get("history")).hasSize(50);
		assertThat(second.at("/history/49/seq").asLong()).isEqualTo(REPORTS + 1);
		long olderBefore = second.get("history_older_before").asLong();
		assertThat(olderBefore).isEqualTo(second.at("/history/0/seq").asLong());
		JsonNode older = api
			.get("/api/v1/cases/" + this.caseId + "?history_before=" + olderBefore + "&history_limit=1000", this.admin)
			.json();
		assertThat(older.get("history")).hasSize((int) olderBefore - 1);
		assertThat(older.at("/history/0/action").asString()).isEqualTo("case.opened");
		assertThat(this.api.get("/api/v1/cases/" + this.caseId + "?reports_limit=501", this.admin).status())
			.isEqualTo(422);

		String reviewer = "busy-reviewer-" + this.catalog.id();
		this.accounts.create(reviewer, Role.REVIEWER, "a long test password");
		ConsoleSession console = new ConsoleSession(this.port).signIn(reviewer, "a long test password");
		String page = console.get("/console/cases/" + this.caseId).body();
		assertThat(page).contains("50 of " + REPORTS + " reports shown");
		assertThat(page.split("class=\"report\"", -1)).hasSize(51);
		assertThat(page).contains("id=\"reports-next\"").doesNotContain("id=\"history-older\"");
		String last = console.get("/console/cases/" + this.caseId + "?reports_after=" + after).body();
		assertThat(last.split("class=\"report\"", -1)).hasSize(REPORTS - 100 + 1);
		assertThat(last).doesNotContain("id=\"reports-next\"").contains("id=\"reports-first\"");
	}

	/**
	 * Denying a busy case marks every report denied and queues each reporter's notice,
	 * audited per report, however many reports the case holds.
	 */
	@Test
	void denyingABusyCaseTellsTheReporterOfEveryReport() {
		Actor reviewer = new Actor("busy-denier-" + this.catalog.id(), Role.REVIEWER);

		this.work.deny(this.caseId, reviewer, DenialReason.NO_ABUSE_FOUND, "A flood.");

		String reports = "select report_id from case_report where case_id = :case";
		assertThat(this.jdbc.sql("select status, count(*) from report where id in (" + reports + ") group by status")
			.param("case", this.caseId)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("denied=" + REPORTS);
		assertThat(this.jdbc
			.sql("""
					select count(*) from outbox_message
					where kind = 'notify_reporter' and subject like 'Decision on your report%' and report_id in ("""
					+ reports + ")")
			.param("case", this.caseId)
			.query(Integer.class)
			.single()).isEqualTo(REPORTS);
		assertThat(this.jdbc.sql("""
				select action, count(*) from audit_entry
				where stream in (select 'report:' || report_id from case_report where case_id = :case)
				  and action in ('report.denied', 'notification.queued')
				group by action order by action""")
			.param("case", this.caseId)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("notification.queued=" + REPORTS, "report.denied=" + REPORTS);
		assertThat(this.audit.verify().intact()).isTrue();
	}

	/** Files the reports in one batch and waits until all are on one case. */
	private long fileBatch() {
		// a trusted flagger's token: an organisation's filing them all against one
		// account would be a campaign (issue 15), a case of its own kind
		long firstId = fileKitBatch("busy", "trusted_flagger", this.catalog.hostedZone(), REPORTS, "send")
			.at("/results/0/id")
			.asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> queryOne(Integer.class,
					"select count(*) from case_report where case_id = (select case_id from case_report where report_id = ?)",
					firstId) == REPORTS);
		return caseOf(firstId);
	}

}
