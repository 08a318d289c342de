package org.abusedesk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Terminal;

import org.springframework.context.ApplicationContext;

/**
 * What {@code abusedesk ARGS} printed and returned, run through the jar's dispatcher with
 * the given standard input (and no terminal).
 *
 * @param springArguments what the command gave Spring, or {@code null} when it did not
 * start the application
 */
public record CommandRun(int exit, String out, String err, String[] springArguments) {

	private static final CommandLine COMMAND_LINE = CommandLine.discover();

	/** The help, as the jar prints it. */
	public static String usage() {
		return COMMAND_LINE.usage();
	}

	/** Runs the command against a running application, which it does not stop. */
	public static CommandRun run(ApplicationContext context, String stdin, String... args) {
		return run(stdin, args, (arguments, task) -> task.applyAsInt(context));
	}

	/**
	 * Runs the command up to the start of the application, and no further: what a command
	 * line does before it touches the database, and what it gives Spring.
	 */
	public static CommandRun parse(String... args) {
		return run("", args, (arguments, task) -> 0);
	}

	private static CommandRun run(String stdin, String[] args, Desk desk) {
		List<String[]> started = new ArrayList<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				null);
		int exit = COMMAND_LINE.run(args, (arguments, task) -> {
			started.add(arguments);
			return desk.run(arguments, task);
		}, terminal);
		return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
				started.isEmpty() ? null : started.get(0));
	}

}
