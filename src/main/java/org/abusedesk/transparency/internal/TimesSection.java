package org.abusedesk.transparency.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.ReportSection;
import org.abusedesk.transparency.TransparencyReport.Section;
import org.abusedesk.transparency.TransparencyReport.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long it took, per report type, for the reports received in the period: from the
 * report to its decision, and from the report to the first restriction of its case that
 * took effect; the median and the 90th percentile in seconds ({@code percentile_cont}, in
 * the database).
 */
@Component
class TimesSection implements ReportSection {

	private final JdbcClient jdbc;

	TimesSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 30;
	}

	private record Times(long count, Double median, Double p90) {
	}

	@Override
	public Section compute(Period period) {
		Map<String, Times> toDecision = new TreeMap<>();
		this.jdbc.sql("""
				select type, count(decided_at) as n,
				    percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at)) as p50,
				    percentile_cont(0.9) within group (order by extract(epoch from decided_at - received_at)) as p90
				from report where received_at >= :from and received_at < :to and decided_at is not null
				group by type""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				toDecision.put(rs.getString("type"),
						new Times(rs.getLong("n"), rs.getDouble("p50"), rs.getDouble("p90")));
			});
		Map<String, Times> toAction = new TreeMap<>();
		this.jdbc.sql("""
				with first_action as (
				    select case_id, min(effective_at) as acted_at from mitigation
				    where status in ('active', 'removed') and effective_at >= :from group by case_id)
				select r.type, count(*) as n,
				    percentile_cont(0.5) within group (order by extract(epoch from a.acted_at - r.received_at)) as p50,
				    percentile_cont(0.9) within group (order by extract(epoch from a.acted_at - r.received_at)) as p90
				from report r
				join case_report cr on cr.report_id = r.id
				join first_action a on a.case_id = cr.case_id and a.acted_at >= r.received_at
				where r.received_at >= :from and r.received_at < :to
				group by r.type""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				toAction.put(rs.getString("type"),
						new Times(rs.getLong("n"), rs.getDouble("p50"), rs.getDouble("p90")));
			});
		return new Section("times", "Time to decision and to action", List.of(
				table("to_decision", "From report to decision (seconds)", toDecision),
				table("to_action", "From report to the first restriction that took effect (seconds)", toAction)));
	}

	private static Table table(String name, String title, Map<String, Times> byType) {
		List<List<Object>> rows = new ArrayList<>();
		byType.forEach((type, times) -> rows
			.add(List.of(type, times.count(), Tables.seconds(times.median()), Tables.seconds(times.p90()))));
		return new Table(name, title, List.of("type", "count", "median_seconds", "p90_seconds"), rows);
	}

}
