package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows case work reads and writes besides claims and proposals. */
@Repository
class CaseWorkRepository {

	private final JdbcClient jdbc;

	CaseWorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case as the queue shows it, or empty. */
	Optional<CaseQueue.Row> row(long caseId) {
		return this.jdbc.sql("""
				select c.id, c.status, c.property, c.account_ref, c.report_type, c.priority, c.due_at,
				    c.due_at < now() as overdue, c.services, c.rules, c.trusted_flagger, c.account_at_risk,
				    c.escalated_to, cl.staff_user as claimed_by,
				    (select count(*) from case_report r where r.case_id = c.id) as report_count
				from abuse_case c left join case_claim cl on cl.case_id = c.id and cl.expires_at > now()
				where c.id = :id""").param("id", caseId).query(QueueStore::row).optional();
	}

	/**
	 * The case's status, the case locked until the transaction ends; empty when missing.
	 */
	Optional<CaseStatus> lock(long caseId) {
		return this.jdbc.sql("select status from abuse_case where id = :id for update")
			.param("id", caseId)
			.query((rs, n) -> CaseStatus.fromWire(rs.getString("status")).orElseThrow())
			.optional();
	}

	void escalate(long caseId, String to) {
		this.jdbc.sql("""
				update abuse_case set escalated_to = :to, updated_at = now(),
				    status = case when status in ('new', 'triage') then 'in_review' else status end
				where id = :id""").param("to", to).param("id", caseId).update();
	}

	/** A page of a case's reports, in order of id. */
	List<Long> reportIds(long caseId, long afterReportId, int limit) {
		return this.jdbc.sql("""
				select report_id from case_report where case_id = :case and report_id > :after
				order by report_id limit :limit""")
			.param("case", caseId)
			.param("after", afterReportId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	List<Long> reportIds(long caseId) {
		return this.jdbc.sql("select report_id from case_report where case_id = :case order by report_id")
			.param("case", caseId)
			.query(Long.class)
			.list();
	}

	long addNote(long caseId, String author, String body) {
		return this.jdbc
			.sql("insert into case_note (case_id, author, body) values (:case, :author, :body) returning id")
			.param("case", caseId)
			.param("author", author)
			.param("body", body)
			.query(Long.class)
			.single();
	}

	List<CaseView.Note> notes(long caseId) {
		return this.jdbc.sql("select id, author, body, created_at from case_note where case_id = :case order by id")
			.param("case", caseId)
			.query((rs, n) -> new CaseView.Note(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * @return false when the link existed
	 */
	boolean link(long caseId, long otherId, String kind, String by) {
		return this.jdbc.sql("""
				insert into case_link (case_id, linked_case_id, kind, linked_by) values (:case, :other, :kind, :by)
				on conflict do nothing""")
			.param("case", caseId)
			.param("other", otherId)
			.param("kind", kind)
			.param("by", by)
			.update() == 1;
	}

	/** Links from and to the case, the other case named. */
	List<CaseView.Link> links(long caseId) {
		return this.jdbc.sql("""
				select linked_case_id as other, kind, linked_by, linked_at from case_link where case_id = :case
				union all
				select case_id, case when kind = 'merged_into' then 'merged_from' else kind end, linked_by, linked_at
				from case_link where linked_case_id = :case
				order by linked_at""")
			.param("case", caseId)
			.query((rs, n) -> new CaseView.Link(rs.getLong("other"), rs.getString("kind"), rs.getString("linked_by"),
					rs.getTimestamp("linked_at").toInstant()))
			.list();
	}

	/**
	 * @return how many reports moved
	 */
	int moveReports(long fromCaseId, long toCaseId) {
		return this.jdbc.sql("update case_report set case_id = :to where case_id = :from")
			.param("to", toCaseId)
			.param("from", fromCaseId)
			.update();
	}

	/** The evidence files of many reports, by report. */
	Map<Long, List<CaseView.Evidence>> evidence(Collection<Long> reportIds) {
		Map<Long, List<CaseView.Evidence>> files = new HashMap<>();
		if (reportIds.isEmpty()) {
			return files;
		}
		this.jdbc.sql("""
				select report_id, id, filename, detected_type, size from evidence
				where report_id = any(:reports) order by report_id, id""")
			.param("reports", reportIds.toArray(Long[]::new))
			.query((rs, n) -> files.computeIfAbsent(rs.getLong("report_id"), (id) -> new ArrayList<>())
				.add(new CaseView.Evidence(rs.getLong("id"), rs.getString("filename"), rs.getString("detected_type"),
						rs.getInt("size"), CaseView.isImage(rs.getString("detected_type")))))
			.list();
		return files;
	}

	/** An evidence file of a report that is on a case (never a quarantined mail's). */
	Optional<CaseView.EvidenceFile> evidenceFile(long evidenceId) {
		return this.jdbc.sql("""
				select e.id, e.filename, e.detected_type, e.content from evidence e
				join case_report cr on cr.report_id = e.report_id where e.id = :id""")
			.param("id", evidenceId)
			.query((rs, n) -> new CaseView.EvidenceFile(rs.getLong("id"), rs.getString("filename"),
					rs.getString("detected_type"), rs.getBytes("content")))
			.optional();
	}

}
