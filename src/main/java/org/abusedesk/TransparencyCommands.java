package org.abusedesk;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReports;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code abusedesk transparency export --from DATE --to DATE [--format json|csv]} and
 * {@code abusedesk transparency report --from DATE --to DATE [--format md|json|csv|html]},
 * both to standard output. Dates are {@code YYYY-MM-DD} ({@code --to} included) or ISO
 * instants. Their options are taken out of the arguments before the rest go to Spring.
 */
final class TransparencyCommands {

	static final List<String> OPTIONS = List.of("--from", "--to", "--format");

	private TransparencyCommands() {
	}

	/** Splits this command's options from the Spring arguments. */
	static Map.Entry<String[], Map<String, String>> takeOptions(String[] arguments) {
		return CommandOptions.take(arguments, OPTIONS, List.of());
	}

	/**
	 * Checks the options before any database is touched.
	 * @return the problem, or {@code null} when they are fine
	 */
	static String problem(boolean export, Map<String, String> options) {
		List<String> formats = export ? List.of("json", "csv") : List.of("md", "json", "csv", "html");
		String format = options.getOrDefault("format", export ? "json" : "md");
		if (!formats.contains(format)) {
			return "--format must be one of " + String.join(", ", formats) + ": " + format;
		}
		try {
			Period.parse(options.get("from"), options.get("to"));
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage().replace("from ", "--from ").replace("to ", "--to ");
		}
	}

	static int export(ConfigurableApplicationContext context, Map<String, String> options, PrintStream out)
			throws IOException {
		Period period = Period.parse(options.get("from"), options.get("to"));
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		int count = context.getBean(TransparencyReports.class)
			.exportStatements(period, options.getOrDefault("format", "json"), writer);
		writer.flush();
		System.err.printf("transparency export: %d statement(s) of reasons%n", count);
		return 0;
	}

	static int report(ConfigurableApplicationContext context, Map<String, String> options, PrintStream out)
			throws IOException {
		Period period = Period.parse(options.get("from"), options.get("to"));
		TransparencyReports reports = context.getBean(TransparencyReports.class);
		TransparencyReport report = reports.report(period);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		reports.render(report, options.getOrDefault("format", "md"), writer);
		writer.flush();
		return 0;
	}

}
