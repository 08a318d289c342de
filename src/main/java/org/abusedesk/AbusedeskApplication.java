package org.abusedesk;

import org.abusedesk.commandline.Terminal;
import org.abusedesk.notifications.MailStreams;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The abusedesk application. {@link #main} reads the subcommand ({@code serve}, the
 * default, or one a module contributes, such as {@code catalog import FILE}); everything
 * else on the command line is passed to Spring, so {@code --server.port=} and friends
 * work.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class AbusedeskApplication {

	static {
		MailStreams.nameTheProvider();
	}

	public static void main(String[] args) {
		if (CommandLine.serves(args)) {
			SpringApplication.run(AbusedeskApplication.class, CommandLine.springArguments(args));
			return;
		}
		System.exit(CommandLine.discover().run(args, CommandLine::withApplication, Terminal.system()));
	}

}
