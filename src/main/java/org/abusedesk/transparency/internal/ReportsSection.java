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
 * The reports received in the period: by type, channel, reporter kind, service and
 * outcome; the notices of trusted flaggers, the legal orders by jurisdiction and the
 * requests about {@code at_risk} accounts, each with their outcomes. One pass over the
 * period's reports (grouping sets), and one more for the services.
 */
@Component
class ReportsSection implements ReportSection {

	private static final String COUNTS = """
			select type, channel, reporter_kind, status, jurisdiction, at_risk,
			    grouping(type) as g_type, grouping(channel) as g_channel, grouping(reporter_kind) as g_kind,
			    grouping(status) as g_status, grouping(jurisdiction) as g_jurisdiction, grouping(at_risk) as g_at_risk,
			    count(*) as n
			from (select type, channel, reporter_kind, status,
			        case when type = 'legal_order' then coalesce(details ->> 'jurisdiction', 'unknown') end as jurisdiction,
			        coalesce(account_at_risk, false) as at_risk
			      from report where received_at >= :from and received_at < :to) r
			group by grouping sets ((type), (channel), (reporter_kind), (status), (reporter_kind, status),
			    (jurisdiction, status), (at_risk, status))
			""";

	private final JdbcClient jdbc;

	ReportsSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Section compute(Period period) {
		Map<String, Long> byType = new TreeMap<>();
		Map<String, Long> byChannel = new TreeMap<>();
		Map<String, Long> byKind = new TreeMap<>();
		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Long> trusted = new TreeMap<>();
		Map<String, Map<String, Long>> orders = new TreeMap<>();
		Map<String, Long> atRisk = new TreeMap<>();
		this.jdbc.sql(COUNTS)
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				long n = rs.getLong("n");
				boolean type = rs.getInt("g_type") == 0;
				boolean channel = rs.getInt("g_channel") == 0;
				boolean kind = rs.getInt("g_kind") == 0;
				boolean status = rs.getInt("g_status") == 0;
				boolean jurisdiction = rs.getInt("g_jurisdiction") == 0;
				boolean risk = rs.getInt("g_at_risk") == 0;
				if (type) {
					byType.put(rs.getString("type"), n);
				}
				else if (channel) {
					byChannel.put(rs.getString("channel"), n);
				}
				else if (kind && !status) {
					byKind.put(rs.getString("reporter_kind"), n);
				}
				else if (kind && "trusted_flagger".equals(rs.getString("reporter_kind"))) {
					trusted.put(rs.getString("status"), n);
				}
				else if (jurisdiction && rs.getString("jurisdiction") != null) {
					orders.computeIfAbsent(rs.getString("jurisdiction"), (k) -> new TreeMap<>())
						.put(rs.getString("status"), n);
				}
				else if (risk && rs.getBoolean("at_risk")) {
					atRisk.put(rs.getString("status"), n);
				}
				else if (status && !kind && !jurisdiction && !risk) {
					byStatus.put(rs.getString("status"), n);
				}
			});
		Map<String, Long> byService = new TreeMap<>();
		this.jdbc.sql("""
				select s.service, count(*) as n from report r cross join lateral unnest(r.services) as s(service)
				where r.received_at >= :from and r.received_at < :to group by s.service""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				byService.put(rs.getString("service"), rs.getLong("n"));
			});
		long total = byType.values().stream().mapToLong(Long::longValue).sum();
		return new Section("reports", "Reports received",
				List.of(new Table("total", "All reports", List.of("reports", "count"), List.of(List.of("all", total))),
						Tables.counts("by_type", "By type", "type", byType),
						Tables.counts("by_service", "By service", "service", byService),
						Tables.counts("by_channel", "By channel", "channel", byChannel),
						Tables.counts("by_reporter_kind", "By reporter kind", "reporter_kind", byKind),
						Tables.counts("by_outcome", "By outcome", "status", byStatus),
						Tables.counts("trusted_flagger_outcomes", "Notices of trusted flaggers, by outcome", "status",
								trusted),
						outcomes("legal_orders_by_jurisdiction", "Legal orders by jurisdiction and outcome", orders),
						Tables.counts("at_risk_outcomes", "Requests targeting at_risk accounts, by outcome", "status",
								atRisk)));
	}

	private static Table outcomes(String name, String title, Map<String, Map<String, Long>> byKey) {
		List<String> statuses = List.of("submitted", "accepted", "denied");
		List<List<Object>> rows = new java.util.ArrayList<>();
		byKey.forEach((key, counts) -> {
			List<Object> row = new java.util.ArrayList<>();
			row.add(key);
			row.add(counts.values().stream().mapToLong(Long::longValue).sum());
			statuses.forEach((s) -> row.add(counts.getOrDefault(s, 0L)));
			rows.add(row);
		});
		return new Table(name, title, List.of("jurisdiction", "count", "submitted", "accepted", "denied"), rows);
	}

}
