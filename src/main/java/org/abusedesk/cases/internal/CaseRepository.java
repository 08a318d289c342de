package org.abusedesk.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.abusedesk.cases.CaseStatus;
import org.abusedesk.policy.Priority;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

	record CaseRow(long id, CaseStatus status, long propertyId, String property, String accountRef, String reportType,
			Priority priority, Instant dueAt, Instant openedAt, Instant updatedAt, int reportCount) {
	}

	/**
	 * @param reopenedFrom the status the case left because a report that needs review
	 * joined it ({@code forwarded} or {@code actioned}), or {@code null}
	 */
	record Attachment(long caseId, boolean opened, CaseStatus reopenedFrom) {
	}

	/** What the queue filters on, from the decisions of one report. */
	record QueueFacts(List<String> services, List<String> rules, boolean trustedFlagger, boolean accountAtRisk) {
	}

	record CaseReportRow(long reportId, String trackingCode, String type, String status, String reporterKind,
			Instant receivedAt) {
	}

	private static final String SELECT = """
			select c.*, (select count(*) from case_report r where r.case_id = c.id) as report_count
			from abuse_case c""";

	/** For the transport of rows only. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A report to attach to the open case for its property and type. */
	record Attach(long reportId, long propertyId, String property, String accountRef, String reportType,
			boolean needsReview, Priority priority, Instant dueAt, QueueFacts facts) {
	}

	/**
	 * Attaches reports to the open case for their property and type, opening one where
	 * there is none, in two statements: the reports of one property and type are merged
	 * first (one case each), and the cases are opened or updated in the order of property
	 * and type, so that two callers never wait for each other in a cycle. Race-free
	 * across nodes: the partial unique index decides.
	 * @return per report id, its case; {@code opened} for every report whose case this
	 * call opened
	 */
	Map<Long, Attachment> attachAll(List<Attach> reports) {
		record Key(long propertyId, String reportType) {
		}
		Map<Key, List<Attach>> groups = new TreeMap<>(
				Comparator.comparingLong(Key::propertyId).thenComparing(Key::reportType));
		for (Attach report : reports) {
			groups.computeIfAbsent(new Key(report.propertyId(), report.reportType()), (key) -> new ArrayList<>())
				.add(report);
		}
		List<Map<String, Object>> rows = new ArrayList<>(groups.size());
		for (List<Attach> group : groups.values()) {
			Attach first = group.get(0);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("i", rows.size());
			row.put("property_id", first.propertyId());
			row.put("property", first.property());
			row.put("account_ref", first.accountRef());
			row.put("report_type", first.reportType());
			row.put("review", group.stream().anyMatch(Attach::needsReview));
			row.put("priority",
					group.stream().map(Attach::priority).min(Comparator.naturalOrder()).orElseThrow().wire());
			row.put("due_at",
					group.stream()
						.map(Attach::dueAt)
						.filter(Objects::nonNull)
						.min(Comparator.naturalOrder())
						.map(Instant::toString)
						.orElse(null));
			row.put("services",
					group.stream().flatMap((a) -> a.facts().services().stream()).distinct().sorted().toList());
			row.put("rules", group.stream().flatMap((a) -> a.facts().rules().stream()).distinct().sorted().toList());
			row.put("trusted", group.stream().anyMatch((a) -> a.facts().trustedFlagger()));
			row.put("at_risk", group.stream().anyMatch((a) -> a.facts().accountAtRisk()));
			rows.add(row);
		}
		// the open cases that exist are locked in the order of their ids first, the order
		// in
		// which staff lock two cases (merge, link); the upsert then finds them locked
		Map<Long, CaseStatus> before = new HashMap<>();
		this.jdbc.sql("""
				select c.id, c.status from abuse_case c
				join jsonb_to_recordset(cast(:rows as jsonb)) as k(property_id bigint, report_type text)
				  on c.property_id = k.property_id and c.report_type = k.report_type
				where c.status not in ('closed', 'rejected')
				order by c.id for update of c""")
			.param("rows", JSON.writeValueAsString(rows))
			.query((rs, n) -> before.put(rs.getLong("id"), status(rs)))
			.list();
		Map<Key, Attachment> cases = new HashMap<>();
		this.jdbc
			.sql("""
					insert into abuse_case (status, property_id, property, account_ref, report_type, priority, due_at,
					    services, rules, trusted_flagger, account_at_risk)
					select case when c.review then 'triage' else 'forwarded' end, c.property_id, c.property, c.account_ref,
					    c.report_type, c.priority, c.due_at, array(select jsonb_array_elements_text(c.services)),
					    array(select jsonb_array_elements_text(c.rules)), c.trusted, c.at_risk
					from jsonb_to_recordset(cast(:rows as jsonb))
					    as c(i int, property_id bigint, property text, account_ref text, report_type text, review boolean,
					         priority text, due_at timestamptz, services jsonb, rules jsonb, trusted boolean, at_risk boolean)
					order by c.i
					on conflict (property_id, report_type) where status not in ('closed', 'rejected')
					do update set
					    status = case when excluded.status = 'triage' and abuse_case.status in ('forwarded', 'actioned')
					                  then 'triage' else abuse_case.status end,
					    priority = least(abuse_case.priority, excluded.priority),
					    due_at = least(abuse_case.due_at, excluded.due_at),
					    services = array(select distinct unnest(abuse_case.services || excluded.services) order by 1),
					    rules = array(select distinct unnest(abuse_case.rules || excluded.rules) order by 1),
					    trusted_flagger = abuse_case.trusted_flagger or excluded.trusted_flagger,
					    account_at_risk = abuse_case.account_at_risk or excluded.account_at_risk,
					    updated_at = now()
					returning id, property_id, report_type, status, (xmax = 0) as opened""")
			.param("rows", JSON.writeValueAsString(rows))
			.query((rs, n) -> {
				long id = rs.getLong("id");
				CaseStatus was = before.get(id);
				CaseStatus reopenedFrom = (was != null && was != status(rs)) ? was : null;
				return cases.put(new Key(rs.getLong("property_id"), rs.getString("report_type")),
						new Attachment(id, rs.getBoolean("opened"), reopenedFrom));
			})
			.list();
		Map<Long, Attachment> attachments = new LinkedHashMap<>();
		for (Attach report : reports) {
			attachments.put(report.reportId(), cases.get(new Key(report.propertyId(), report.reportType())));
		}
		this.jdbc.sql("""
				insert into case_report (case_id, report_id)
				select * from unnest(cast(:cases as bigint[]), cast(:reports as bigint[]))""")
			.param("cases", attachments.values().stream().map(Attachment::caseId).toArray(Long[]::new))
			.param("reports", attachments.keySet().toArray(Long[]::new))
			.update();
		return attachments;
	}

	List<CaseRow> list(CaseStatus status, int limit, long afterId) {
		return this.jdbc.sql(SELECT + """
				 where (cast(:status as text) is null or c.status = :status) and c.id > :after
				order by c.id limit :limit""")
			.param("status", (status != null) ? status.wire() : null)
			.param("after", afterId)
			.param("limit", limit)
			.query(CaseRepository::map)
			.list();
	}

	Optional<CaseRow> find(long id) {
		return this.jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CaseRepository::map).optional();
	}

	/** A page of a case's reports, in order of id. */
	List<CaseReportRow> reports(long caseId, long afterReportId, int limit) {
		return this.jdbc.sql("""
				select r.id, r.tracking_code, r.type, r.status, r.reporter_kind, r.received_at
				from case_report cr join report r on r.id = cr.report_id
				where cr.case_id = :case and cr.report_id > :after order by cr.report_id limit :limit""")
			.param("case", caseId)
			.param("after", afterReportId)
			.param("limit", limit)
			.query((rs, n) -> new CaseReportRow(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("type"),
					rs.getString("status"), rs.getString("reporter_kind"), rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	List<CaseReportRow> reports(long caseId) {
		return this.jdbc.sql("""
				select r.id, r.tracking_code, r.type, r.status, r.reporter_kind, r.received_at
				from case_report cr join report r on r.id = cr.report_id
				where cr.case_id = :case order by r.id""")
			.param("case", caseId)
			.query((rs, n) -> new CaseReportRow(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("type"),
					rs.getString("status"), rs.getString("reporter_kind"), rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	private static CaseRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp due = rs.getTimestamp("due_at");
		return new CaseRow(rs.getLong("id"), status(rs), rs.getLong("property_id"), rs.getString("property"),
				rs.getString("account_ref"), rs.getString("report_type"),
				Priority.fromWire(rs.getString("priority")).orElseThrow(), (due != null) ? due.toInstant() : null,
				rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("report_count"));
	}

	/** The {@code status} column of the row, a case status. */
	static CaseStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
		return CaseStatus.fromWire(rs.getString("status")).orElseThrow();
	}

	/**
	 * Puts a case back in the review queue (a customer contests one of its mitigations,
	 * or a mitigation's review is due). A case closed meanwhile while another case is
	 * open for the same property and harm stays closed: one open case per property and
	 * harm.
	 * @return whether the case was put back
	 */
	boolean requeueForReview(long caseId) {
		return reopenAs(caseId, CaseStatus.IN_REVIEW);
	}

	/**
	 * Puts a case back before people as {@code status} ({@code in_review} for a review,
	 * {@code appealed} for an appeal), where {@link CaseStatus#mayBecome} allows it. A
	 * case closed meanwhile while another case is open for the same property and harm
	 * stays closed: one open case per property and harm.
	 * @return whether the case moved
	 */
	boolean reopenAs(long caseId, CaseStatus status) {
		List<String> from = java.util.Arrays.stream(CaseStatus.values())
			.filter((candidate) -> candidate != status && candidate.mayBecome(status))
			.map(CaseStatus::wire)
			.toList();
		return this.jdbc.sql("""
				update abuse_case c set status = :status, updated_at = now()
				where c.id = :id and c.status = any(cast(:from as text[]))
				  and not exists (select 1 from abuse_case o
				      where o.property_id = c.property_id and o.report_type = c.report_type and o.id <> c.id
				        and o.status not in ('closed', 'rejected'))""")
			.param("status", status.wire())
			.param("from", from.toArray(String[]::new))
			.param("id", caseId)
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} forwarded cases that nothing has touched since
	 * {@code cutoff}, locked until the transaction ends (other nodes skip them).
	 */
	List<Long> claimQuietForwarded(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select id from abuse_case where status = 'forwarded' and updated_at < :cutoff
				order by id limit :limit for update skip locked""")
			.param("cutoff", java.sql.Timestamp.from(cutoff))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Closes claimed forwarded cases. */
	void closeForwarded(List<Long> ids) {
		this.jdbc.sql("""
				update abuse_case set status = 'closed', updated_at = now()
				where id = any(cast(:ids as bigint[])) and status = 'forwarded'""")
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	/**
	 * Moves a case to {@code next}, the one way every decision changes a case's status:
	 * the case is locked, and a move {@link CaseStatus#mayBecome} does not allow is
	 * refused.
	 * @throws IllegalStateException when the move is not allowed or the case is missing
	 */
	void moveTo(long caseId, CaseStatus next) {
		String current = this.jdbc.sql("select status from abuse_case where id = :id for update")
			.param("id", caseId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No case " + caseId));
		CaseStatus from = CaseStatus.fromWire(current)
			.orElseThrow(() -> new IllegalStateException("Case " + caseId + " has an unknown status " + current));
		if (!from.mayBecome(next)) {
			throw new IllegalStateException(
					"Case " + caseId + " cannot move from " + from.wire() + " to " + next.wire() + ".");
		}
		this.jdbc.sql("update abuse_case set status = :status, updated_at = now() where id = :id")
			.param("status", next.wire())
			.param("id", caseId)
			.update();
	}

}
