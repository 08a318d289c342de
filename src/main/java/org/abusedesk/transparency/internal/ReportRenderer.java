package org.abusedesk.transparency.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReport.Section;
import org.abusedesk.transparency.TransparencyReport.Table;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a {@link TransparencyReport} as Markdown, JSON, CSV ({@code section, table,
 * key, measure, value}: one number per line) or a self-contained HTML page (no scripts,
 * no outside resources; bars drawn with widths, not a charting library).
 */
@Component
class ReportRenderer {

	static final List<String> FORMATS = List.of("md", "json", "csv", "html");

	private final ObjectMapper json;

	ReportRenderer(ObjectMapper json) {
		this.json = json;
	}

	void render(TransparencyReport report, String format, Writer out) throws IOException {
		switch (format) {
			case "md" -> markdown(report, out);
			case "json" -> out.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(report)));
			case "csv" -> csv(report, out);
			case "html" -> html(report, out);
			default -> throw new IllegalArgumentException("format must be one of " + FORMATS + ": " + format);
		}
	}

	/** Sections as objects, each table as a list of row objects keyed by column. */
	Map<String, Object> asJson(TransparencyReport report) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("from", report.period().from().toString());
		root.put("to", report.period().to().toString());
		root.put("generated_at", report.generatedAt().toString());
		Map<String, Object> sections = new LinkedHashMap<>();
		for (Section section : report.sections()) {
			Map<String, Object> tables = new LinkedHashMap<>();
			tables.put("title", section.title());
			for (Table table : section.tables()) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (List<Object> row : table.rows()) {
					Map<String, Object> object = new LinkedHashMap<>();
					for (int i = 0; i < table.columns().size(); i++) {
						object.put(table.columns().get(i), row.get(i));
					}
					rows.add(object);
				}
				tables.put(table.name(), rows);
			}
			sections.put(section.name(), tables);
		}
		root.put("sections", sections);
		return root;
	}

	private static void markdown(TransparencyReport report, Writer out) throws IOException {
		out.write("# Transparency report\n\nPeriod: " + report.period().from() + " to " + report.period().to()
				+ " (exclusive). Generated " + report.generatedAt() + ".\n");
		for (Section section : report.sections()) {
			out.write("\n## " + section.title() + "\n");
			for (Table table : section.tables()) {
				out.write("\n### " + table.title() + "\n\n");
				out.write("| " + String.join(" | ", table.columns()) + " |\n");
				out.write("|" + "---|".repeat(table.columns().size()) + "\n");
				if (table.rows().isEmpty()) {
					out.write("| (none) |" + " |".repeat(table.columns().size() - 1) + "\n");
				}
				for (List<Object> row : table.rows()) {
					out.write("| " + String.join(" | ", row.stream().map(ReportRenderer::cell).toList()) + " |\n");
				}
			}
		}
	}

	private static void csv(TransparencyReport report, Writer out) throws IOException {
		out.write("section,table,key,measure,value\n");
		for (Section section : report.sections()) {
			for (Table table : section.tables()) {
				for (List<Object> row : table.rows()) {
					for (int i = 1; i < table.columns().size(); i++) {
						out.write(String.join(",", csvCell(section.name()), csvCell(table.name()),
								csvCell(cell(row.get(0))), csvCell(table.columns().get(i)), csvCell(cell(row.get(i))))
								+ "\n");
					}
				}
			}
		}
	}

	private static void html(TransparencyReport report, Writer out) throws IOException {
		out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Transparency report</title>"
				+ "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;"
				+ "margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
				+ ".bar{background:#4a7bb7;height:.8em;display:inline-block}</style></head><body>\n");
		out.write("<h1>Transparency report</h1>\n<p>Period: " + esc(report.period().from().toString()) + " to "
				+ esc(report.period().to().toString()) + " (exclusive). Generated "
				+ esc(report.generatedAt().toString()) + ".</p>\n");
		for (Section section : report.sections()) {
			out.write("<h2>" + esc(section.title()) + "</h2>\n");
			for (Table table : section.tables()) {
				out.write("<h3>" + esc(table.title()) + "</h3>\n<table><tr>");
				for (String column : table.columns()) {
					out.write("<th>" + esc(column) + "</th>");
				}
				boolean bars = table.columns().size() > 1 && "count".equals(table.columns().get(1));
				long max = !bars ? 0
						: table.rows().stream().mapToLong((r) -> ((Number) r.get(1)).longValue()).max().orElse(0);
				if (bars) {
					out.write("<th></th>");
				}
				out.write("</tr>\n");
				for (List<Object> row : table.rows()) {
					out.write("<tr>");
					for (Object value : row) {
						out.write("<td>" + esc(cell(value)) + "</td>");
					}
					if (bars) {
						long width = (max == 0) ? 0 : Math.round(20.0 * ((Number) row.get(1)).longValue() / max);
						out.write("<td><span class=\"bar\" style=\"width:" + width + "em\"></span></td>");
					}
					out.write("</tr>\n");
				}
				out.write("</table>\n");
			}
		}
		out.write("</body></html>\n");
	}

	private static String cell(Object value) {
		return (value == null) ? "" : value.toString();
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static String csvCell(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
