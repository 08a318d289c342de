package org.abusedesk.policy.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;
import org.abusedesk.policy.InvalidPolicyException;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.PolicyProblem;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk policy check | activate | backtest}. Options of these commands
 * ({@code --author NAME}, {@code --since DATE}, {@code --examples N}) are taken out of
 * the arguments before the rest go to Spring.
 */
@Order(30)
class PolicyCommands implements Subcommand {

	static final List<String> OPTIONS = List.of("--author", "--since", "--examples");

	@Override
	public String name() {
		return "policy";
	}

	@Override
	public List<String> usage() {
		return List.of("policy check FILE [--spring.options]",
				"policy activate FILE [--author NAME] [--spring.options]",
				"policy backtest FILE [--since DATE] [--examples N] [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, OPTIONS, List.of());
		List<String> words = split.words();
		if (words.size() != 2 || !List.of("check", "activate", "backtest").contains(words.get(0))) {
			throw new UsageException();
		}
		Map<String, String> options = split.options();
		Path file = Path.of(words.get(1));
		PrintStream out = terminal.out();
		PrintStream err = terminal.err();
		return desk.run(split.springArguments(), (context) -> switch (words.get(0)) {
			case "check" -> check(context, file, out, err);
			case "activate" ->
				activate(context, file, options.getOrDefault("author", System.getProperty("user.name")), out, err);
			default -> backtest(context, file, options.get("since"), options.get("examples"), out, err);
		});
	}

	private static int check(ApplicationContext context, Path file, PrintStream out, PrintStream err) {
		String document = read(file, err);
		if (document == null) {
			return 2;
		}
		List<PolicyProblem> problems = context.getBean(PolicyDocuments.class).check(document);
		problems.forEach((problem) -> out.println(file + ":" + problem));
		out.printf("policy check: %d problem(s)%n", problems.size());
		return problems.isEmpty() ? 0 : 1;
	}

	private static int activate(ApplicationContext context, Path file, String author, PrintStream out,
			PrintStream err) {
		String document = read(file, err);
		if (document == null) {
			return 2;
		}
		try {
			PolicyDocuments.ActivePolicy active = context.getBean(PolicyDocuments.class).activate(document, author);
			out.printf("policy %s active (by %s)%n", active.version(), active.author());
			return 0;
		}
		catch (InvalidPolicyException ex) {
			ex.problems().forEach((problem) -> out.println(file + ":" + problem));
			return 1;
		}
	}

	private static int backtest(ApplicationContext context, Path file, String since, String examples, PrintStream out,
			PrintStream err) {
		String document = read(file, err);
		if (document == null) {
			return 2;
		}
		Instant from;
		int max;
		try {
			from = (since != null) ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.EPOCH;
			max = (examples != null) ? Integer.parseInt(examples) : 10;
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			err.println("--since takes a date (2025-01-31), --examples a number: " + ex.getMessage());
			return 2;
		}
		try {
			PolicyDocuments.Backtest result = context.getBean(PolicyDocuments.class).backtest(document, from, max);
			out.printf("backtest of %s: %d decisions replayed, %d would change%n", result.draftVersion(),
					result.replayed(), result.changed());
			result.changedByServiceAndType().forEach((key, count) -> out.printf("  %-28s %d%n", key, count));
			result.examples()
				.forEach((change) -> out.printf("  decision %d (%s/%s): %s%n", change.decisionId(), change.service(),
						change.reportType(), change.difference()));
			return 0;
		}
		catch (InvalidPolicyException ex) {
			ex.problems().forEach((problem) -> out.println(file + ":" + problem));
			return 1;
		}
	}

	private static String read(Path file, PrintStream err) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			err.println("cannot read " + file + ": " + ex.getMessage());
			return null;
		}
	}

}
