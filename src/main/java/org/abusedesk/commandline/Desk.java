package org.abusedesk.commandline;

import java.util.function.ToIntFunction;

import org.springframework.context.ApplicationContext;

/** Starts the application for one subcommand's work. */
@FunctionalInterface
public interface Desk {

	/**
	 * Runs the task in the application started without its web server and background
	 * jobs, and stops it again.
	 * @param springArguments the arguments for Spring ({@code --spring.datasource.url=})
	 * @return the task's exit status
	 */
	int run(String[] springArguments, ToIntFunction<ApplicationContext> task);

}
