package org.abusedesk.transparency.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;
import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReports;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk transparency export --from DATE --to DATE [--format json|csv]} and
 * {@code abusedesk transparency report --from DATE --to DATE [--format md|json|csv|html]},
 * both to standard output. Dates are {@code YYYY-MM-DD} ({@code --to} included) or ISO
 * instants. Their options are taken out of the arguments before the rest go to Spring.
 */
@Order(80)
class TransparencyCommands implements Subcommand {

	static final List<String> OPTIONS = List.of("--from", "--to", "--format");

	@Override
	public String name() {
		return "transparency";
	}

	@Override
	public List<String> usage() {
		return List.of("transparency export --from DATE --to DATE [--format json|csv] [--spring.options]",
				"transparency report --from DATE --to DATE [--format md|json|csv|html] [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, OPTIONS, List.of());
		if (!split.words().equals(List.of("export")) && !split.words().equals(List.of("report"))) {
			throw new UsageException();
		}
		boolean export = split.words().equals(List.of("export"));
		String problem = problem(export, split.options());
		if (problem != null) {
			throw new UsageException(problem);
		}
		return desk.run(split.springArguments(), (context) -> {
			try {
				return export ? export(context, split.options(), terminal.out(), terminal.err())
						: report(context, split.options(), terminal.out());
			}
			catch (IOException ex) {
				terminal.err().println("transparency: " + ex.getMessage());
				return 1;
			}
		});
	}

	/**
	 * Checks the options before any database is touched.
	 * @return the problem, or {@code null} when they are fine
	 */
	private static String problem(boolean export, Map<String, String> options) {
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

	private static int export(ApplicationContext context, Map<String, String> options, PrintStream out, PrintStream err)
			throws IOException {
		Period period = Period.parse(options.get("from"), options.get("to"));
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		int count = context.getBean(TransparencyReports.class)
			.exportStatements(period, options.getOrDefault("format", "json"), writer);
		writer.flush();
		err.printf("transparency export: %d statement(s) of reasons%n", count);
		return 0;
	}

	private static int report(ApplicationContext context, Map<String, String> options, PrintStream out)
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
