package org.abusedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The abusedesk application. {@link #main} reads the subcommand ({@code serve}, the
 * default, {@code catalog import FILE}, {@code audit verify}); everything else on the
 * command line is passed to Spring, so {@code --server.port=} and friends work.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class AbusedeskApplication {

	static {
		MailStreams.nameTheProvider();
	}

	public static void main(String[] args) {
		CommandLine commandLine = CommandLine.parse(args);
		if (commandLine.command() == CommandLine.Command.SERVE) {
			SpringApplication.run(AbusedeskApplication.class, commandLine.springArguments());
			return;
		}
		System.exit(commandLine.runTask());
	}

}
