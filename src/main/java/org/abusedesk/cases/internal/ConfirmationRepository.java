package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Confirmations of phishing or malware recorded on cases (issue 19). */
@Repository
class ConfirmationRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An open case's key: the property and the report type it gathers. */
	record CaseKey(long propertyId, String reportType) {
	}

	private final JdbcClient jdbc;

	ConfirmationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long record(long caseId, String fact, String checked, String staff) {
		return this.jdbc.sql("""
				insert into case_confirmation (case_id, fact, checked, confirmed_by)
				values (:case, :fact, :checked, :staff) returning id""")
			.param("case", caseId)
			.param("fact", fact)
			.param("checked", checked)
			.param("staff", staff)
			.query(Long.class)
			.single();
	}

	/**
	 * The facts confirmed on the open cases (not closed or rejected) of the given keys,
	 * the cases a report with that key is attached to; keys without any are left out.
	 */
	Map<CaseKey, Set<String>> factsOfOpenCases(Set<CaseKey> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>(keys.size());
		for (CaseKey key : keys) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("property_id", key.propertyId());
			row.put("report_type", key.reportType());
			rows.add(row);
		}
		record Confirmed(CaseKey key, String fact) {
		}
		Map<CaseKey, Set<String>> facts = new HashMap<>();
		this.jdbc.sql("""
				select distinct c.property_id, c.report_type, f.fact from abuse_case c
				join jsonb_to_recordset(cast(:rows as jsonb)) as k(property_id bigint, report_type text)
				  on c.property_id = k.property_id and c.report_type = k.report_type
				join case_confirmation f on f.case_id = c.id
				where c.status not in ('closed', 'rejected')""")
			.param("rows", JSON.writeValueAsString(rows))
			.query((rs, n) -> new Confirmed(new CaseKey(rs.getLong("property_id"), rs.getString("report_type")),
					rs.getString("fact")))
			.list()
			.forEach((confirmed) -> facts.computeIfAbsent(confirmed.key(), (key) -> new HashSet<>())
				.add(confirmed.fact()));
		return facts;
	}

}
