package org.abusedesk.appeals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.transparency.Period;
import org.abusedesk.vocabulary.WireValue;
import org.abusedesk.transparency.ReportSection;
import org.abusedesk.transparency.TransparencyReport.Section;
import org.abusedesk.transparency.TransparencyReport.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transparency report's redress section (DSA Art. 15(1)(d), 20, 23): appeals filed in
 * the period by party and reason, appeals decided in the period by party and outcome with
 * the median and 90th percentile of the time from filing to decision, DMCA
 * counter-notices filed and content restored, strikes recorded per party and reporter
 * suspensions that started.
 */
@Component
class AppealsSection implements ReportSection {

	private static final List<String> REASONS = WireValue.wires(AppealReason.class);

	private static final List<String> OUTCOMES = List.of("upheld", "reversed", "modified");

	private final JdbcClient jdbc;

	AppealsSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Section compute(Period period) {
		Map<String, Map<String, Long>> filed = new TreeMap<>();
		query("select party, reason as k, count(*) as n from appeal "
				+ "where filed_at >= :from and filed_at < :to group by party, reason", period)
			.query((rs) -> {
				filed.computeIfAbsent(rs.getString("party"), (p) -> new TreeMap<>())
					.put(rs.getString("k"), rs.getLong("n"));
			});
		Map<String, Map<String, Long>> decided = new TreeMap<>();
		query("select party, outcome as k, count(*) as n from appeal "
				+ "where decided_at >= :from and decided_at < :to group by party, outcome", period)
			.query((rs) -> {
				decided.computeIfAbsent(rs.getString("party"), (p) -> new TreeMap<>())
					.put(rs.getString("k"), rs.getLong("n"));
			});
		List<List<Object>> times = new ArrayList<>();
		query("""
				select coalesce(party, 'all') as party, count(*) as n,
				    percentile_cont(0.5) within group (order by extract(epoch from decided_at - filed_at)) as p50,
				    percentile_cont(0.9) within group (order by extract(epoch from decided_at - filed_at)) as p90
				from appeal where decided_at >= :from and decided_at < :to
				group by grouping sets ((party), ()) order by grouping(party), party""", period).query((rs) -> {
			times.add(Arrays.asList(rs.getString("party"), rs.getLong("n"), seconds(rs.getObject("p50", Double.class)),
					seconds(rs.getObject("p90", Double.class))));
		});
		long[] counterNotices = { 0, 0, 0 };
		query("""
				select (select count(*) from counter_notice where filed_at >= :from and filed_at < :to),
				    (select count(*) from counter_notice where restored_at >= :from and restored_at < :to),
				    (select count(*) from counter_notice where action_filed_at >= :from and action_filed_at < :to)""",
				period)
			.query((rs) -> {
				counterNotices[0] = rs.getLong(1);
				counterNotices[1] = rs.getLong(2);
				counterNotices[2] = rs.getLong(3);
			});
		Map<String, Long> strikes = new TreeMap<>();
		strikes.put("customer", 0L);
		strikes.put("reporter", 0L);
		query("select party as k, count(*) as n from strike where recorded_at >= :from and recorded_at < :to "
				+ "group by party", period)
			.query((rs) -> {
				strikes.put(rs.getString("k"), rs.getLong("n"));
			});
		long suspensions = query(
				"select count(*) from reporter_suspension where starts_at >= :from and starts_at < :to", period)
			.query(Long.class)
			.single();
		List<List<Object>> strikeRows = new ArrayList<>();
		strikes.forEach((party, n) -> strikeRows.add(List.of(party, n)));
		return new Section("appeals", "Appeals, counter-notices and strikes", List.of(
				pivot("filed", "Appeals filed, by party and reason", filed, REASONS),
				pivot("decided", "Appeals decided, by party and outcome", decided, OUTCOMES),
				new Table("time_to_decide", "From appeal to decision (seconds)",
						List.of("party", "count", "median_seconds", "p90_seconds"), times),
				new Table("counter_notices", "DMCA counter-notices", List.of("counter_notices", "count"),
						List.of(List.of("filed", counterNotices[0]), List.of("content_restored", counterNotices[1]),
								List.of("action_filed", counterNotices[2]))),
				new Table("strikes", "Strikes recorded, by party", List.of("party", "count"), strikeRows),
				new Table("reporter_suspensions", "Reporter suspensions (unfounded notices)",
						List.of("reporter_suspensions", "count"), List.of(List.of("all", suspensions)))));
	}

	private JdbcClient.StatementSpec query(String sql, Period period) {
		return this.jdbc.sql(sql).param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()));
	}

	/** One row per party: the total, then one column per value. */
	private static Table pivot(String name, String title, Map<String, Map<String, Long>> byParty, List<String> values) {
		List<String> columns = new ArrayList<>(List.of("party", "count"));
		columns.addAll(values);
		List<List<Object>> rows = new ArrayList<>();
		byParty.forEach((party, counts) -> {
			List<Object> row = new ArrayList<>();
			row.add(party);
			row.add(counts.values().stream().mapToLong(Long::longValue).sum());
			values.forEach((v) -> row.add(counts.getOrDefault(v, 0L)));
			rows.add(row);
		});
		return new Table(name, title, columns, rows);
	}

	/** Seconds with one decimal, or {@code null} when nothing was decided. */
	private static Object seconds(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

}
