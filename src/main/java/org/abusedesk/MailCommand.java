package org.abusedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;

/**
 * {@code abusedesk intake mail [FILE...]}: one message per file, or one from standard
 * input (an MTA pipes to it); one JSON line per message. Exits 75 (EX_TEMPFAIL) when a
 * message could not be stored, so that an MTA keeps it and tries again.
 */
final class MailCommand {

	static final int TEMPORARY_FAILURE = 75;

	private MailCommand() {
	}

	static int run(ApplicationContext context, List<String> files, InputStream in, PrintStream out) {
		MailIntake intake = context.getBean(MailIntake.class);
		ObjectMapper json = context.getBean(ObjectMapper.class);
		int exit = 0;
		if (files.isEmpty()) {
			try {
				return receive(intake, json, in.readAllBytes(), out);
			}
			catch (IOException ex) {
				System.err.println("cannot read standard input: " + ex.getMessage());
				return TEMPORARY_FAILURE;
			}
		}
		for (String file : files) {
			try {
				exit = Math.max(exit, receive(intake, json, Files.readAllBytes(Path.of(file)), out));
			}
			catch (IOException ex) {
				System.err.println("cannot read " + file + ": " + ex.getMessage());
				exit = Math.max(exit, 2);
			}
		}
		return exit;
	}

	private static int receive(MailIntake intake, ObjectMapper json, byte[] raw, PrintStream out) {
		try {
			MailOutcome outcome = intake.receive(raw, "cli", null);
			out.println(json.writeValueAsString(outcome));
			return 0;
		}
		catch (RuntimeException ex) {
			System.err.println("message not stored: " + ex.getMessage());
			return TEMPORARY_FAILURE;
		}
	}

}
