package org.abusedesk.cases.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.policy.Priority;
import org.abusedesk.cases.CaseWorkException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue on the partial index {@code abuse_case_work_queue_idx}: the SQL names only
 * the filters given (so the planner sees plain predicates, never "or :x is null"), and
 * pages continue after the last row's key instead of skipping an offset.
 */
@Repository
class QueueStore implements CaseQueue {

	/** Counts are read at most this often, not on every page view of every reviewer. */
	static final Duration COUNTS_FRESH = Duration.ofSeconds(5);

	static final String OPEN_SQL = "c.status in ('new', 'triage', 'awaiting_customer', 'in_review', "
			+ "'awaiting_approval', 'appealed')";

	/** The columns of a {@link Row} ({@link #row}), up to the {@code where}. */
	static final String SELECT_ROWS = """
			select c.id, c.status, c.property, c.account_ref, c.report_type, c.priority, c.due_at,
			    c.due_at < now() as overdue, c.services, c.rules, c.trusted_flagger, c.account_at_risk,
			    c.escalated_to, cl.staff_user as claimed_by,
			    (select count(*) from case_report r where r.case_id = c.id) as report_count,
			    coalesce(c.due_at, 'infinity'::timestamptz) as due_key
			from abuse_case c
			left join case_claim cl on cl.case_id = c.id and cl.expires_at > now()
			where\s""";

	private final JdbcClient jdbc;

	private volatile Counts counts = new Counts(Map.of(), Instant.EPOCH);

	private record Counts(Map<CaseStatus, Long> byStatus, Instant readAt) {
	}

	QueueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page page(Filter filter, Sort sort, String after, int limit) {
		StringBuilder sql = new StringBuilder(SELECT_ROWS);
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.status() == null || OPEN.contains(filter.status())) {
			// the partial index's own predicate, so that the planner can use it
			sql.append(OPEN_SQL);
		}
		else {
			sql.append("true");
		}
		condition(sql, params, "c.status = :status", "status",
				(filter.status() != null) ? filter.status().wire() : null);
		condition(sql, params, "c.report_type = :type", "type", filter.type());
		condition(sql, params, ":service = any(c.services)", "service", filter.service());
		condition(sql, params, ":rule = any(c.rules)", "rule", filter.rule());
		condition(sql, params, "c.trusted_flagger = :trusted", "trusted", filter.trustedFlagger());
		condition(sql, params, "c.account_at_risk = :atRisk", "atRisk", filter.accountAtRisk());
		if (sort != Sort.URGENT) {
			return byId(sql, params, sort, after, limit);
		}
		if (after != null && !after.isBlank()) {
			Cursor cursor = Cursor.parse(after);
			sql.append(" and (c.priority, coalesce(c.due_at, 'infinity'::timestamptz), c.id) > "
					+ "(:afterPriority, coalesce(cast(:afterDue as timestamptz), 'infinity'::timestamptz), :afterId)");
			params.put("afterPriority", cursor.priority().wire());
			params.put("afterDue", (cursor.due() != null) ? Timestamp.from(cursor.due()) : null);
			params.put("afterId", cursor.id());
		}
		sql.append(" order by c.priority, coalesce(c.due_at, 'infinity'::timestamptz), c.id limit :limit");
		params.put("limit", limit);
		List<Row> rows = this.jdbc.sql(sql.toString()).params(params).query(QueueStore::row).list();
		String next = null;
		if (rows.size() == limit) {
			Row last = rows.get(rows.size() - 1);
			next = new Cursor(last.priority(), last.dueAt(), last.id()).format();
		}
		return new Page(rows, next);
	}

	/** The newest or oldest first: the key is the id alone ({@code id~<id>}). */
	private Page byId(StringBuilder sql, Map<String, Object> params, Sort sort, String after, int limit) {
		boolean newest = sort == Sort.NEWEST;
		if (after != null && !after.isBlank()) {
			try {
				if (!after.startsWith("id~")) {
					throw new NumberFormatException(after);
				}
				params.put("afterId", Long.parseLong(after.substring(3)));
			}
			catch (NumberFormatException ex) {
				throw new CaseWorkException(CaseWorkException.Kind.INVALID, "Not a queue position: " + after);
			}
			sql.append(newest ? " and c.id < :afterId" : " and c.id > :afterId");
		}
		sql.append(newest ? " order by c.id desc" : " order by c.id").append(" limit :limit");
		params.put("limit", limit);
		List<Row> rows = this.jdbc.sql(sql.toString()).params(params).query(QueueStore::row).list();
		String next = (rows.size() == limit) ? "id~" + rows.get(rows.size() - 1).id() : null;
		return new Page(rows, next);
	}

	@Override
	public Neighbours neighbours(long caseId) {
		String key = "(c.priority, coalesce(c.due_at, 'infinity'::timestamptz), c.id)";
		String self = "(select o.priority, coalesce(o.due_at, 'infinity'::timestamptz), o.id from abuse_case o "
				+ "where o.id = :id and o.status in ('new', 'triage', 'awaiting_customer', 'in_review', "
				+ "'awaiting_approval', 'appealed'))";
		String sql = "select c.id from abuse_case c where " + OPEN_SQL + " and " + key + " %s " + self + " order by "
				+ "c.priority %s, coalesce(c.due_at, 'infinity'::timestamptz) %s, c.id %s limit 1";
		Long previous = this.jdbc.sql(String.format(sql, "<", "desc", "desc", "desc"))
			.param("id", caseId)
			.query(Long.class)
			.optional()
			.orElse(null);
		Long next = this.jdbc.sql(String.format(sql, ">", "asc", "asc", "asc"))
			.param("id", caseId)
			.query(Long.class)
			.optional()
			.orElse(null);
		return new Neighbours(previous, next);
	}

	@Override
	public Map<CaseStatus, Long> counts() {
		Counts current = this.counts;
		if (current.readAt().plus(COUNTS_FRESH).isBefore(Instant.now())) {
			Map<CaseStatus, Long> byStatus = new LinkedHashMap<>();
			OPEN.forEach((status) -> byStatus.put(status, 0L));
			this.jdbc.sql("select c.status, count(*) as n from abuse_case c where " + OPEN_SQL + " group by c.status")
				.query((rs, n) -> Map.entry(CaseRepository.status(rs), rs.getLong("n")))
				.list()
				.forEach((entry) -> byStatus.put(entry.getKey(), entry.getValue()));
			current = new Counts(Map.copyOf(byStatus), Instant.now());
			this.counts = current;
		}
		Map<CaseStatus, Long> ordered = new LinkedHashMap<>();
		for (CaseStatus status : OPEN) {
			ordered.put(status, current.byStatus().getOrDefault(status, 0L));
		}
		return ordered;
	}

	/**
	 * Forgets the cached counts, so that the next read is fresh (tests, after a bulk).
	 */
	void refreshCounts() {
		this.counts = new Counts(Map.of(), Instant.EPOCH);
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String predicate, String name,
			Object value) {
		if (value != null && !"".equals(value)) {
			sql.append(" and ").append(predicate);
			params.put(name, value);
		}
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		return new Row(rs.getLong("id"), CaseRepository.status(rs), rs.getString("property"),
				rs.getString("account_ref"), rs.getString("report_type"),
				Priority.fromWire(rs.getString("priority")).orElseThrow(), (due != null) ? due.toInstant() : null,
				rs.getBoolean("overdue"), texts(rs.getArray("services")), texts(rs.getArray("rules")),
				rs.getBoolean("trusted_flagger"), rs.getBoolean("account_at_risk"), rs.getString("escalated_to"),
				rs.getString("claimed_by"), rs.getInt("report_count"));
	}

	private static List<String> texts(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	/** The key of the last row of a page, as text: {@code priority~micros-or-none~id}. */
	record Cursor(Priority priority, Instant due, long id) {

		String format() {
			String dueText = (this.due != null)
					? Long.toString(this.due.getEpochSecond() * 1_000_000 + this.due.getNano() / 1000) : "none";
			return this.priority.wire() + "~" + dueText + "~" + this.id;
		}

		static Cursor parse(String text) {
			String[] parts = text.split("~");
			try {
				Priority priority = (parts.length == 3) ? Priority.fromWire(parts[0]).orElse(null) : null;
				if (priority == null) {
					throw new NumberFormatException(text);
				}
				Instant due = null;
				if (!"none".equals(parts[1])) {
					long micros = Long.parseLong(parts[1]);
					due = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
							Math.floorMod(micros, 1_000_000) * 1000L);
				}
				return new Cursor(priority, due, Long.parseLong(parts[2]));
			}
			catch (NumberFormatException ex) {
				throw new CaseWorkException(CaseWorkException.Kind.INVALID, "Not a queue position: " + text);
			}
		}

	}

}
