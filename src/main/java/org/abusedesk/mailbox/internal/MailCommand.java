package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk intake mail [FILE...]}: one message per file, or one from standard
 * input (an MTA pipes to it); one JSON line per message. Exits 75 (EX_TEMPFAIL) when a
 * message could not be stored, so that an MTA keeps it and tries again.
 */
@Order(40)
class MailCommand implements Subcommand {

	static final int TEMPORARY_FAILURE = 75;

	@Override
	public String name() {
		return "intake mail";
	}

	@Override
	public List<String> usage() {
		return List.of("intake mail [FILE...] [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, List.of(), List.of());
		return desk.run(split.springArguments(),
				(context) -> run(context, split.words(), terminal.in(), terminal.out(), terminal.err()));
	}

	private static int run(ApplicationContext context, List<String> files, InputStream in, PrintStream out,
			PrintStream err) {
		MailIntake intake = context.getBean(MailIntake.class);
		ObjectMapper json = context.getBean(ObjectMapper.class);
		int exit = 0;
		if (files.isEmpty()) {
			try {
				return receive(intake, json, in.readAllBytes(), out, err);
			}
			catch (IOException ex) {
				err.println("cannot read standard input: " + ex.getMessage());
				return TEMPORARY_FAILURE;
			}
		}
		for (String file : files) {
			try {
				exit = Math.max(exit, receive(intake, json, Files.readAllBytes(Path.of(file)), out, err));
			}
			catch (IOException ex) {
				err.println("cannot read " + file + ": " + ex.getMessage());
				exit = Math.max(exit, 2);
			}
		}
		return exit;
	}

	private static int receive(MailIntake intake, ObjectMapper json, byte[] raw, PrintStream out, PrintStream err) {
		try {
			MailOutcome outcome = intake.receive(raw, "cli", null);
			out.println(json.writeValueAsString(outcome));
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("message not stored: " + ex.getMessage());
			return TEMPORARY_FAILURE;
		}
	}

}
