package org.abusedesk;

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

import org.abusedesk.policy.InvalidPolicyException;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.PolicyProblem;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code abusedesk policy check | activate | backtest}. Options of these commands
 * ({@code --author NAME}, {@code --since DATE}, {@code --examples N}) are taken out of
 * the arguments before the rest go to Spring.
 */
final class PolicyCommands {

	static final List<String> OPTIONS = List.of("--author", "--since", "--examples", "--list", "--source");

	private PolicyCommands() {
	}

	/**
	 * Splits {@code --name VALUE} and {@code --name=VALUE} of this command's options from
	 * the Spring arguments.
	 * @return the Spring arguments without them, and the options found
	 */
	static Map.Entry<String[], Map<String, String>> takeOptions(String[] arguments) {
		return CommandOptions.take(arguments, OPTIONS, List.of());
	}

	static int check(ConfigurableApplicationContext context, Path file) {
		String document = read(file);
		if (document == null) {
			return 2;
		}
		List<PolicyProblem> problems = context.getBean(PolicyDocuments.class).check(document);
		problems.forEach((problem) -> System.out.println(file + ":" + problem));
		System.out.printf("policy check: %d problem(s)%n", problems.size());
		return problems.isEmpty() ? 0 : 1;
	}

	static int activate(ConfigurableApplicationContext context, Path file, String author) {
		String document = read(file);
		if (document == null) {
			return 2;
		}
		try {
			PolicyDocuments.ActivePolicy active = context.getBean(PolicyDocuments.class).activate(document, author);
			System.out.printf("policy %s active (by %s)%n", active.version(), active.author());
			return 0;
		}
		catch (InvalidPolicyException ex) {
			ex.problems().forEach((problem) -> System.out.println(file + ":" + problem));
			return 1;
		}
	}

	static int backtest(ConfigurableApplicationContext context, Path file, String since, String examples) {
		String document = read(file);
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
			System.err.println("--since takes a date (2025-01-31), --examples a number: " + ex.getMessage());
			return 2;
		}
		try {
			PolicyDocuments.Backtest result = context.getBean(PolicyDocuments.class).backtest(document, from, max);
			PrintStream out = System.out;
			out.printf("backtest of %s: %d decisions replayed, %d would change%n", result.draftVersion(),
					result.replayed(), result.changed());
			result.changedByServiceAndType().forEach((key, count) -> out.printf("  %-28s %d%n", key, count));
			result.examples()
				.forEach((change) -> out.printf("  decision %d (%s/%s): %s%n", change.decisionId(), change.service(),
						change.reportType(), change.difference()));
			return 0;
		}
		catch (InvalidPolicyException ex) {
			ex.problems().forEach((problem) -> System.out.println(file + ":" + problem));
			return 1;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			System.err.println("cannot read " + file + ": " + ex.getMessage());
			return null;
		}
	}

}
