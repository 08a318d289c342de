package org.abusedesk.identity.internal;

import java.io.Console;
import java.util.List;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;
import org.abusedesk.identity.StaffAccounts;

import org.springframework.core.annotation.Order;

/**
 * The command line of {@link StaffCommands}: {@code abusedesk staff VERB [NAME]} with
 * {@code --role ROLE}, {@code --role=ROLE}, {@code --expires DAYS}, {@code --label TEXT}
 * and {@code --password-stdin} taken out of the arguments before the rest go to Spring.
 * An option without its value is kept with the value {@code ""}, so that it is refused
 * rather than ignored.
 */
@Order(50)
class StaffSubcommand implements Subcommand {

	/** The options that take a value. */
	static final List<String> OPTIONS = List.of("--role", "--expires", "--label");

	/** The options without a value. */
	static final List<String> FLAGS = List.of("--password-stdin");

	@Override
	public String name() {
		return "staff";
	}

	@Override
	public List<String> usage() {
		return List.of("staff add|passwd|disable|enable|token|revoke|list ... [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, OPTIONS, FLAGS);
		if (!accepts(split.words())) {
			throw new UsageException();
		}
		Console console = split.options().containsKey("password-stdin") ? null : terminal.console();
		return desk.run(split.springArguments(), (context) -> new StaffCommands(context.getBean(StaffAccounts.class),
				terminal.in(), console, terminal.out(), terminal.err())
			.run(split.words(), split.options()));
	}

	/** Whether the words after {@code staff} name a verb with its arguments. */
	private static boolean accepts(List<String> words) {
		if (words.isEmpty()) {
			return false;
		}
		return switch (words.get(0)) {
			case "list" -> words.size() == 1;
			case "add", "passwd", "disable", "enable", "token", "revoke" -> words.size() == 2;
			default -> false;
		};
	}

}
