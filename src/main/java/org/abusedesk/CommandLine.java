package org.abusedesk;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The dispatcher of the executable jar. Words before the first {@code --option} choose
 * the command: none (or {@code serve}) the service, else the {@link Subcommand} whose
 * name begins them; the modules contribute the subcommands, found here by their type
 * before the application starts, so that a bad command line is refused without touching
 * the database.
 */
final class CommandLine {

	private static final String SERVE = "[serve] [--spring.options]";

	private final List<Subcommand> subcommands;

	CommandLine(List<Subcommand> subcommands) {
		this.subcommands = List.copyOf(subcommands);
	}

	/** The subcommands under {@code org.abusedesk}, in their {@code @Order}. */
	static CommandLine discover() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
			scanner.addIncludeFilter(new AssignableTypeFilter(Subcommand.class));
			scanner.scan(CommandLine.class.getPackageName());
			context.registerBean(CommandLine.class);
			context.refresh();
			return context.getBean(CommandLine.class);
		}
	}

	/** The words that choose each subcommand, in the order of the help. */
	List<String> names() {
		return this.subcommands.stream().map(Subcommand::name).toList();
	}

	/** Whether the command line asks for the service. */
	static boolean serves(String[] args) {
		List<String> words = words(args);
		return words.isEmpty() || words.equals(List.of("serve"));
	}

	/** The arguments for Spring: from the first {@code --option} on. */
	static String[] springArguments(String[] args) {
		return Arrays.copyOfRange(args, words(args).size(), args.length);
	}

	/** The help: the service, then every subcommand's lines. */
	String usage() {
		StringBuilder usage = new StringBuilder("usage: abusedesk ").append(SERVE);
		this.subcommands.forEach(
				(subcommand) -> subcommand.usage().forEach((line) -> usage.append("\n       abusedesk ").append(line)));
		return usage.toString();
	}

	/**
	 * Runs the subcommand the words choose.
	 * @param desk starts the application for its work
	 * @return the exit status: 2 with the help on standard error when no subcommand takes
	 * the command line
	 */
	int run(String[] args, Desk desk, Terminal terminal) {
		List<String> words = words(args);
		for (Subcommand subcommand : this.subcommands) {
			List<String> name = List.of(subcommand.name().split(" "));
			if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)) {
				try {
					return subcommand.run(List.of(args).subList(name.size(), args.length), desk, terminal);
				}
				catch (UsageException ex) {
					return usage(ex.getMessage(), terminal.err());
				}
			}
		}
		return usage(null, terminal.err());
	}

	private int usage(String problem, PrintStream err) {
		if (problem != null) {
			err.println(problem);
		}
		err.println(usage());
		return UsageException.EXIT_STATUS;
	}

	/**
	 * Runs a one-shot task in the application without the web server or background jobs.
	 */
	static int withApplication(String[] springArguments, ToIntFunction<ApplicationContext> task) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AbusedeskApplication.class)
			.web(WebApplicationType.NONE)
			.properties("abusedesk.jobs.enabled=false",
					"spring.modulith.events.republish-outstanding-events-on-restart=false", "logging.level.root=WARN")
			.run(springArguments)) {
			return task.applyAsInt(context);
		}
	}

	private static List<String> words(String[] args) {
		int firstOption = 0;
		while (firstOption < args.length && !args[firstOption].startsWith("--")) {
			firstOption++;
		}
		return List.of(args).subList(0, firstOption);
	}

}
