package org.abusedesk.referrals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.cases.ReportsDecided;
import org.abusedesk.referrals.Preservation;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Preservation holds (18 U.S.C. 2258A(h)): a confirmed CSAM case's reports, their
 * evidence files and raw submissions are kept for at least 90 days. The database refuses
 * to delete anything a hold covers (V150), the retention jobs skip held raw submissions,
 * and the case's audit stream is append-only anyway.
 */
@Component
class PreservationHolds implements Preservation {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ReferralProperties properties;

	PreservationHolds(JdbcClient jdbc, AuditLog audit, ReferralProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Puts a case's reports on hold (or extends its hold to these reports); in the
	 * caller's transaction.
	 * @return when the hold ends
	 */
	Instant hold(long caseId, List<Long> reportIds, String basis, String actor) {
		Instant until = Instant.now().plus(this.properties.hold());
		long holdId = this.jdbc
			.sql("""
					insert into preservation_hold (case_id, basis, held_by, held_until) values (:case, :basis, :by, :until)
					on conflict (case_id) do update set held_until = greatest(preservation_hold.held_until, excluded.held_until)
					returning id""")
			.param("case", caseId)
			.param("basis", basis)
			.param("by", actor)
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into preservation_hold_report (hold_id, report_id)
				select :hold, unnest(cast(:reports as bigint[])) on conflict do nothing""")
			.param("hold", holdId)
			.param("reports", reportIds.toArray(Long[]::new))
			.update();
		this.jdbc.sql("""
				update raw_submission set held = true
				where id in (select raw_submission_id from report where id = any(:reports))""")
			.param("reports", reportIds.toArray(Long[]::new))
			.update();
		this.audit.append("case:" + caseId, actor, "case.preservation_hold",
				Map.of("basis", basis, "reports", reportIds.size(), "held_until", until.toString()));
		return until;
	}

	/**
	 * Reports that join a case on hold are held with it: one statement for a routed
	 * batch, whatever its size.
	 */
	@EventListener
	void on(ReportsDecided batch) {
		if (batch.decided().isEmpty()) {
			return;
		}
		Long[] reports = batch.decided().stream().map(ReportDecided::reportId).toArray(Long[]::new);
		Long[] cases = batch.decided().stream().map(ReportDecided::caseId).toArray(Long[]::new);
		this.jdbc
			.sql("""
					with joined as (
					    insert into preservation_hold_report (hold_id, report_id)
					    select h.id, d.report from unnest(cast(:reports as bigint[]), cast(:cases as bigint[])) as d(report, "case")
					    join preservation_hold h on h.case_id = d."case" and h.held_until > now()
					    on conflict do nothing
					    returning report_id)
					update raw_submission set held = true
					where id in (select r.raw_submission_id from report r join joined j on j.report_id = r.id)""")
			.param("reports", reports)
			.param("cases", cases)
			.update();
	}

	@Override
	public Optional<Long> holdOfEvidence(long evidenceId) {
		return this.jdbc.sql("""
				select h.case_id from evidence e
				join preservation_hold_report r on r.report_id = e.report_id
				join preservation_hold h on h.id = r.hold_id
				where e.id = :id and h.held_until > now() limit 1""")
			.param("id", evidenceId)
			.query(Long.class)
			.optional();
	}

	@Override
	public void accessed(long evidenceId, String actor) {
		holdOfEvidence(evidenceId).ifPresent((caseId) -> this.audit.append("case:" + caseId, actor,
				"case.preserved_evidence_accessed", Map.of("evidence_id", evidenceId)));
	}

}
