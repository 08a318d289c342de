package org.abusedesk.transparency.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Statements of reasons as CSV rows, one column per field of the database (the columns of
 * its own CSV import), list fields joined by {@code |}.
 */
final class StatementCsv {

	static final List<String> COLUMNS = List.of("puid", "decision_visibility", "decision_visibility_other",
			"decision_monetary", "decision_provision", "decision_account", "decision_ground",
			"decision_ground_reference_url", "illegal_content_legal_ground", "illegal_content_explanation",
			"incompatible_content_ground", "incompatible_content_explanation", "content_type", "content_type_other",
			"category", "category_specification", "territorial_scope", "content_date", "application_date",
			"end_date_visibility_restriction", "end_date_monetary_restriction", "end_date_service_restriction",
			"end_date_account_restriction", "decision_facts", "source_type", "source_identity", "automated_detection",
			"automated_decision");

	private StatementCsv() {
	}

	static String row(JsonNode statement) {
		List<String> cells = new ArrayList<>();
		for (String column : COLUMNS) {
			JsonNode value = statement.get(column);
			String text;
			if (value == null || value.isNull()) {
				text = "";
			}
			else if (value.isArray()) {
				List<String> items = new ArrayList<>();
				value.forEach((item) -> items.add(item.asString()));
				text = String.join("|", items);
			}
			else {
				text = value.asString();
			}
			cells.add(cell(text));
		}
		return String.join(",", cells);
	}

	private static String cell(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
