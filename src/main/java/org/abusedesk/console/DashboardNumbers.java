package org.abusedesk.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's read model: a handful of aggregate queries over the report, case, audit
 * and outbox tables, each bounded by time (and the time to first action by a number of
 * cases), so that the page costs the same on a desk with a million reports. Read-only; it
 * writes nothing and a read replica could answer it.
 */
@Component
class DashboardNumbers {

	/** How many days of incoming reports the volume charts show. */
	static final int VOLUME_DAYS = 14;

	/** How many of the latest cases the time to first action is measured on. */
	static final int FIRST_ACTION_CASES = 2000;

	/** The queue's age buckets, upper bounds exclusive. */
	static final List<Bucket> AGE_BUCKETS = List.of(new Bucket("under 1 hour", Duration.ZERO, Duration.ofHours(1)),
			new Bucket("1 to 4 hours", Duration.ofHours(1), Duration.ofHours(4)),
			new Bucket("4 to 24 hours", Duration.ofHours(4), Duration.ofDays(1)),
			new Bucket("1 to 3 days", Duration.ofDays(1), Duration.ofDays(3)),
			new Bucket("3 to 7 days", Duration.ofDays(3), Duration.ofDays(7)),
			new Bucket("over 7 days", Duration.ofDays(7), Duration.ofDays(36500)));

	record Bucket(String label, Duration from, Duration to) {
	}

	/** How long staff took to act first on recent cases. */
	record FirstAction(int cases, int acted, Duration median, Duration p90, Map<String, Long> buckets) {
	}

	/** The outbox as the operator cares about it. */
	record OutboxHealth(Map<String, Long> byStatus, long dueNow, Duration oldestPending, long failedLastDay) {
	}

	private final JdbcClient jdbc;

	DashboardNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reports received per {@code column} (type or channel) since {@code since}, largest
	 * first.
	 */
	@Transactional(readOnly = true)
	Map<String, Long> volumeBy(String column, Instant since) {
		if (!List.of("type", "channel").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select " + column + " k, count(*) n from report where received_at >= :since "
					+ "group by 1 order by 2 desc, 1")
			.param("since", Timestamp.from(since))
			.query((rs) -> {
				counts.put(rs.getString("k"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Reports received per day (UTC) for the last {@code days} days, oldest first, days
	 * without any included.
	 */
	@Transactional(readOnly = true)
	Map<LocalDate, Long> volumePerDay(Instant now, int days) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		for (int i = days - 1; i >= 0; i--) {
			counts.put(today.minusDays(i), 0L);
		}
		this.jdbc.sql("""
				select (received_at at time zone 'UTC')::date d, count(*) n from report
				where received_at >= :since group by 1""")
			.param("since", Timestamp.from(today.minusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs) -> {
				long n = rs.getLong("n");
				counts.computeIfPresent(rs.getObject("d", LocalDate.class), (d, zero) -> n);
			});
		return counts;
	}

	/** The open cases per age bucket (since the case was opened), in bucket order. */
	@Transactional(readOnly = true)
	Map<String, Long> queueAges(Instant now) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Bucket bucket : AGE_BUCKETS) {
			counts.put(bucket.label(),
					this.jdbc.sql("""
							select count(*) from abuse_case where status = any(:open)
							  and opened_at <= :newest and opened_at > :oldest""")
						.param("open", CaseQueue.OPEN.stream().map(CaseStatus::wire).toArray(String[]::new))
						.param("newest", Timestamp.from(now.minus(bucket.from())))
						.param("oldest", Timestamp.from(now.minus(bucket.to())))
						.query(Long.class)
						.single());
		}
		return counts;
	}

	/** The open cases whose due time has passed, per priority. */
	@Transactional(readOnly = true)
	Map<String, Long> overdue(Instant now) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select priority, count(*) n from abuse_case
				where status = any(:open) and due_at < :now group by 1 order by 1""")
			.param("open", CaseQueue.OPEN.stream().map(CaseStatus::wire).toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query((rs) -> {
				counts.put(rs.getString("priority"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * The time from a case's opening to the first step a person took on it (claim, note,
	 * decision: the first audit entry by {@code staff:}), over the latest cases.
	 */
	@Transactional(readOnly = true)
	FirstAction firstAction() {
		List<Long> seconds = new ArrayList<>();
		int[] cases = { 0 };
		this.jdbc.sql("""
				select c.id, extract(epoch from (
				    select min(a.occurred_at) from audit_entry a
				    where a.stream = 'case:' || c.id and a.actor like 'staff:%') - c.opened_at) s
				from (select id, opened_at from abuse_case order by id desc limit :limit) c""")
			.param("limit", FIRST_ACTION_CASES)
			.query((rs) -> {
				cases[0]++;
				double s = rs.getDouble("s");
				if (!rs.wasNull()) {
					seconds.add(Math.max(0, Math.round(s)));
				}
			});
		seconds.sort(Long::compare);
		Map<String, Long> buckets = new LinkedHashMap<>();
		for (Bucket bucket : AGE_BUCKETS) {
			buckets.put(bucket.label(),
					seconds.stream()
						.filter((s) -> s >= bucket.from().toSeconds() && s < bucket.to().toSeconds())
						.count());
		}
		return new FirstAction(cases[0], seconds.size(), percentile(seconds, 50), percentile(seconds, 90), buckets);
	}

	@Transactional(readOnly = true)
	OutboxHealth outbox(Instant now) {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (String status : List.of("pending", "sending", "sent", "failed")) {
			byStatus.put(status, 0L);
		}
		// sent messages only of the last week: the table keeps every message ever sent
		this.jdbc.sql("""
				select status, count(*) n from outbox_message
				where status <> 'sent' or created_at >= :week group by 1""")
			.param("week", Timestamp.from(now.minus(Duration.ofDays(7))))
			.query((rs) -> {
				byStatus.put(rs.getString("status"), rs.getLong("n"));
			});
		long dueNow = this.jdbc
			.sql("select count(*) from outbox_message where status = 'pending' and next_attempt_at <= :now")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		Timestamp oldest = this.jdbc.sql("select min(created_at) from outbox_message where status = 'pending'")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		long failed = this.jdbc
			.sql("select count(*) from outbox_message where status = 'failed' and created_at >= :day")
			.param("day", Timestamp.from(now.minus(Duration.ofDays(1))))
			.query(Long.class)
			.single();
		return new OutboxHealth(byStatus, dueNow, (oldest != null) ? Duration.between(oldest.toInstant(), now) : null,
				failed);
	}

	private static Duration percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return Duration.ofSeconds(sorted.get(Math.max(0, index)));
	}

}
