package org.abusedesk.transparency;

import java.time.Instant;
import java.util.List;

/**
 * A transparency report for a period (DSA Art. 15 and 24): sections of tables, each with
 * named columns, so that every format (Markdown, JSON, CSV, HTML) renders the same
 * numbers.
 *
 * @param period the period the numbers count
 * @param generatedAt when the report was made
 * @param sections in the order of {@link ReportSection#order()}
 */
public record TransparencyReport(Period period, Instant generatedAt, List<Section> sections) {

	public TransparencyReport {
		sections = List.copyOf(sections);
	}

	/**
	 * @param name a stable key (JSON, CSV), e.g. {@code reports}
	 * @param title the heading people read
	 */
	public record Section(String name, String title, List<Table> tables) {

		public Section {
			tables = List.copyOf(tables);
		}

	}

	/**
	 * @param name a stable key, e.g. {@code by_type}
	 * @param title the heading people read
	 * @param columns the column names (wire words)
	 * @param rows values: strings, numbers or {@code null}
	 */
	public record Table(String name, String title, List<String> columns, List<List<Object>> rows) {

		public Table {
			columns = List.copyOf(columns);
			rows = rows.stream()
				.map((row) -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row)))
				.toList();
		}

	}

}
