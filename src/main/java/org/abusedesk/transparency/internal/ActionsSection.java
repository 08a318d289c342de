package org.abusedesk.transparency.internal;

import java.sql.Timestamp;
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
 * The restrictions that took effect in the period, by type and by basis (the decision
 * ground of their statement of reasons), the share decided by automated means, the
 * emergency blocks, and the restrictions lifted after review (restorations).
 */
@Component
class ActionsSection implements ReportSection {

	private final JdbcClient jdbc;

	ActionsSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Section compute(Period period) {
		Map<String, Long> byType = new TreeMap<>();
		Map<String, Long> byGround = new TreeMap<>();
		this.jdbc.sql("""
				select type, decision_ground, grouping(type) as g_type, count(*) as n from mitigation
				where effective_at >= :from and effective_at < :to and status in ('active', 'removed')
				group by grouping sets ((type), (decision_ground))""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				if (rs.getInt("g_type") == 0) {
					byType.put(rs.getString("type"), rs.getLong("n"));
				}
				else {
					byGround.put(String.valueOf(rs.getString("decision_ground")), rs.getLong("n"));
				}
			});
		long total = byType.values().stream().mapToLong(Long::longValue).sum();
		long[] automated = { 0, 0, 0 };
		this.jdbc.sql("""
				select count(*) filter (where statement ->> 'automated_decision' <> 'AUTOMATED_DECISION_NOT_AUTOMATED'),
				    count(*) filter (where kind = 'restriction'), count(*) filter (where kind = 'restoration')
				from statement_of_reasons where created_at >= :from and created_at < :to""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				automated[0] = rs.getLong(1);
				automated[1] = rs.getLong(2);
				automated[2] = rs.getLong(3);
			});
		return new Section("actions", "Actions taken",
				List.of(new Table("total", "All restrictions that took effect", List.of("actions", "count"),
						List.of(List.of("all", total))), Tables.counts("by_type", "By type", "type", byType),
						Tables.counts("by_basis", "By basis (decision ground)", "decision_ground", byGround),
						new Table("automation", "Decided by automated means (statements of reasons)",
								List.of("statements", "count", "automated", "automated_share"),
								List.of(List.of("restrictions", automated[1], automated[0],
										Tables.share(automated[0], automated[1])))),
						new Table("emergency_blocks", "Emergency blocks (imminent threat to life)",
								List.of("emergency_blocks", "count"),
								List.of(List.of("all", byType.getOrDefault("emergency_block", 0L)))),
						new Table("restorations", "Restrictions lifted after review", List.of("restorations", "count"),
								List.of(List.of("all", automated[2])))));
	}

}
