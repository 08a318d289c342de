package org.abusedesk.campaigns.internal;

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
 * The transparency report's section on requests from authorities (DSA Art. 15(1)(a)): the
 * requests of {@code government} and {@code law_enforcement} reporters received in the
 * period ({@code authority_request}), by country and by reporter kind, those that
 * targeted {@code at_risk} accounts, those that cited the provider's own policy language,
 * and the legal orders among them by country; each with the outcome of its report
 * ({@code submitted}, {@code accepted}, {@code denied}).
 */
@Component
class AuthorityRequestsSection implements ReportSection {

	private static final List<String> OUTCOMES = List.of("submitted", "accepted", "denied");

	private static final String COUNTS = """
			with r as (
			    select a.reporter_kind, coalesce(a.country, 'unknown') as country, a.at_risk, a.cites_policy,
			        p.type, p.status
			    from authority_request a join report p on p.id = a.report_id
			    where a.received_at >= :from and a.received_at < :to)
			select 'country' as d, country as k, status, count(*) as n from r group by country, status
			union all
			select 'kind', reporter_kind, status, count(*) from r group by reporter_kind, status
			union all
			select 'at_risk', 'at_risk', status, count(*) from r where at_risk group by status
			union all
			select 'cites_policy', 'cites_policy', status, count(*) from r where cites_policy group by status
			union all
			select 'legal_order', country, status, count(*) from r where type = 'legal_order' group by country, status
			""";

	private final JdbcClient jdbc;

	AuthorityRequestsSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Section compute(Period period) {
		Map<String, Map<String, Map<String, Long>>> counts = new TreeMap<>();
		this.jdbc.sql(COUNTS)
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				counts.computeIfAbsent(rs.getString("d"), (d) -> new TreeMap<>())
					.computeIfAbsent(rs.getString("k"), (k) -> new TreeMap<>())
					.put(rs.getString("status"), rs.getLong("n"));
			});
		return new Section("authority_requests", "Requests from authorities", List.of(
				outcomes("by_country", "Government and law-enforcement requests, by country and outcome", "country",
						counts.get("country")),
				outcomes("by_reporter_kind", "By reporter kind and outcome", "reporter_kind", counts.get("kind")),
				outcomes("at_risk", "Requests targeting at_risk accounts, by outcome", "requests",
						counts.get("at_risk")),
				outcomes("citing_policy", "Requests citing our own policy language (senior review), by outcome",
						"requests", counts.get("cites_policy")),
				outcomes("legal_orders_by_country", "Legal orders, by country and outcome", "country",
						counts.get("legal_order"))));
	}

	private static Table outcomes(String name, String title, String key, Map<String, Map<String, Long>> byKey) {
		List<String> columns = new ArrayList<>(List.of(key, "count"));
		columns.addAll(OUTCOMES);
		List<List<Object>> rows = new ArrayList<>();
		if (byKey != null) {
			byKey.forEach((k, byStatus) -> {
				List<Object> row = new ArrayList<>();
				row.add(k);
				row.add(byStatus.values().stream().mapToLong(Long::longValue).sum());
				OUTCOMES.forEach((s) -> row.add(byStatus.getOrDefault(s, 0L)));
				rows.add(row);
			});
		}
		return new Table(name, title, columns, rows);
	}

}
