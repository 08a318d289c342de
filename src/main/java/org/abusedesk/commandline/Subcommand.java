package org.abusedesk.commandline;

import java.util.List;

/**
 * A subcommand of the executable jar, contributed by the module whose work it does: a
 * class implementing this interface, with a constructor without arguments, anywhere under
 * {@code org.abusedesk} (usually the module's {@code internal} package). The dispatcher
 * finds it by its type, orders the help by {@code @Order}, and gives it the command line
 * when the words of its {@link #name()} begin it.
 *
 * <p>
 * It checks its arguments before it starts the application, so that a bad command line is
 * refused without touching the database: {@link UsageException} for the help and exit
 * status 2.
 */
public interface Subcommand {

	/** The words that choose it, such as {@code "policy"} or {@code "intake mail"}. */
	String name();

	/**
	 * Its lines of the help, without {@code "abusedesk "}, such as
	 * {@code "policy check FILE [--spring.options]"}.
	 */
	List<String> usage();

	/**
	 * @param args what follows its name: further words, then its own options and Spring's
	 * @param desk starts the application for the work
	 * @param terminal where it reads and writes
	 * @return the exit status
	 * @throws UsageException when the arguments are not its own
	 */
	int run(List<String> args, Desk desk, Terminal terminal);

}
