package org.abusedesk.commandline;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a subcommand reads and writes.
 *
 * @param console the terminal, to read a password without echo; {@code null} when
 * standard input is not one
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Console console) {

	/** The process's standard streams and its terminal, if it has one. */
	public static Terminal system() {
		return new Terminal(System.in, System.out, System.err, System.console());
	}

}
