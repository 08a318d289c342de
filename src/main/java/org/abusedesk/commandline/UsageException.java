package org.abusedesk.commandline;

/**
 * A command line that is not what the subcommand takes: the dispatcher prints the problem
 * (when there is one) and the help, and exits with status 2.
 */
public class UsageException extends RuntimeException {

	/** Exit status of a bad command line. */
	public static final int EXIT_STATUS = 2;

	/** Without a problem of its own: the words are not a command. */
	public UsageException() {
		super(null, null, false, false);
	}

	/** With the problem, printed before the help. */
	public UsageException(String problem) {
		super(problem, null, false, false);
	}

}
