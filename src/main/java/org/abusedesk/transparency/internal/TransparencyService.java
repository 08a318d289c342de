package org.abusedesk.transparency.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.ReportSection;
import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report from every {@link ReportSection} bean, in one read-only transaction (one
 * snapshot: the sections agree with each other), and the export of statements.
 */
@Service
class TransparencyService implements TransparencyReports {

	/** The longest period a report or an export covers. */
	static final Duration MAX_PERIOD = Duration.ofDays(3660);

	private static final List<String> EXPORT_FORMATS = List.of("json", "csv");

	private final List<ReportSection> sections;

	private final ReportRenderer renderer;

	private final StatementStore statements;

	private final ObjectMapper json;

	TransparencyService(List<ReportSection> sections, ReportRenderer renderer, StatementStore statements,
			ObjectMapper json) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
		this.renderer = renderer;
		this.statements = statements;
		this.json = json;
	}

	@Override
	@Transactional(readOnly = true)
	public TransparencyReport report(Period period) {
		checkLength(period);
		return new TransparencyReport(period, Instant.now(),
				this.sections.stream().map((section) -> section.compute(period)).toList());
	}

	@Override
	public void render(TransparencyReport report, String format, Writer out) throws IOException {
		this.renderer.render(report, format, out);
	}

	@Override
	@Transactional(readOnly = true)
	public int exportStatements(Period period, String format, Writer out) throws IOException {
		checkLength(period);
		if (!EXPORT_FORMATS.contains(format)) {
			throw new IllegalArgumentException("format must be one of " + EXPORT_FORMATS + ": " + format);
		}
		int[] count = { 0 };
		if ("json".equals(format)) {
			out.write("{\"statements\":[");
		}
		else {
			out.write(String.join(",", StatementCsv.COLUMNS) + "\n");
		}
		this.statements.forEachIn(period.from(), period.to(), (text) -> {
			try {
				if ("json".equals(format)) {
					out.write(((count[0] > 0) ? ",\n" : "\n") + text);
				}
				else {
					JsonNode statement = this.json.readTree(text);
					out.write(StatementCsv.row(statement) + "\n");
				}
				count[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		if ("json".equals(format)) {
			out.write("\n]}\n");
		}
		out.flush();
		return count[0];
	}

	private static void checkLength(Period period) {
		if (Duration.between(period.from(), period.to()).compareTo(MAX_PERIOD) > 0) {
			throw new IllegalArgumentException("The period is longer than ten years.");
		}
	}

}
