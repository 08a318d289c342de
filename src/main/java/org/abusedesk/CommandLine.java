package org.abusedesk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.hashes.KnownContent;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The subcommands of the executable jar. Words before the first {@code --option} choose
 * the command; the options go to Spring.
 */
record CommandLine(Command command, List<String> words, String[] springArguments) {

	enum Command {

		SERVE, CATALOG_IMPORT, AUDIT_VERIFY, POLICY_CHECK, POLICY_ACTIVATE, POLICY_BACKTEST, INTAKE_MAIL, STAFF,
		HASHES_IMPORT, REFERRALS_EXPORT, TRANSPARENCY_EXPORT, TRANSPARENCY_REPORT, USAGE

	}

	static final String USAGE = """
			usage: abusedesk [serve] [--spring.options]
			       abusedesk catalog import FILE [--spring.options]
			       abusedesk audit verify [--spring.options]
			       abusedesk policy check FILE [--spring.options]
			       abusedesk policy activate FILE [--author NAME] [--spring.options]
			       abusedesk policy backtest FILE [--since DATE] [--examples N] [--spring.options]
			       abusedesk intake mail [FILE...] [--spring.options]
			       abusedesk staff add|passwd|disable|enable|token|revoke|list ... [--spring.options]
			       abusedesk hashes import FILE --list NAME --source SOURCE [--spring.options]
			       abusedesk referrals export [--spring.options]
			       abusedesk transparency export --from DATE --to DATE [--format json|csv] [--spring.options]
			       abusedesk transparency report --from DATE --to DATE [--format md|json|csv|html] [--spring.options]""";

	static CommandLine parse(String[] args) {
		int firstOption = 0;
		while (firstOption < args.length && !args[firstOption].startsWith("--")) {
			firstOption++;
		}
		List<String> words = List.of(Arrays.copyOfRange(args, 0, firstOption));
		String[] spring = Arrays.copyOfRange(args, firstOption, args.length);
		Command command;
		if (words.isEmpty() || words.equals(List.of("serve"))) {
			command = Command.SERVE;
		}
		else if (words.size() == 3 && words.get(0).equals("catalog") && words.get(1).equals("import")) {
			command = Command.CATALOG_IMPORT;
		}
		else if (words.equals(List.of("audit", "verify"))) {
			command = Command.AUDIT_VERIFY;
		}
		else if (words.size() == 3 && words.get(0).equals("policy")) {
			command = switch (words.get(1)) {
				case "check" -> Command.POLICY_CHECK;
				case "activate" -> Command.POLICY_ACTIVATE;
				case "backtest" -> Command.POLICY_BACKTEST;
				default -> Command.USAGE;
			};
		}
		else if (words.size() == 3 && words.get(0).equals("hashes") && words.get(1).equals("import")) {
			command = Command.HASHES_IMPORT;
		}
		else if (words.equals(List.of("referrals", "export"))) {
			command = Command.REFERRALS_EXPORT;
		}
		else if (words.size() >= 2 && words.get(0).equals("intake") && words.get(1).equals("mail")) {
			command = Command.INTAKE_MAIL;
		}
		else if (StaffCommands.accepts(words)) {
			command = Command.STAFF;
		}
		else if (words.equals(List.of("transparency", "export"))) {
			command = Command.TRANSPARENCY_EXPORT;
		}
		else if (words.equals(List.of("transparency", "report"))) {
			command = Command.TRANSPARENCY_REPORT;
		}
		else {
			command = Command.USAGE;
		}
		return new CommandLine(command, words, spring);
	}

	/** Runs a one-shot command in a context without the web server or background jobs. */
	int runTask() {
		return switch (this.command) {
			case CATALOG_IMPORT -> withContext((context) -> importCatalog(context, Path.of(this.words.get(2))));
			case AUDIT_VERIFY -> withContext(CommandLine::verifyAudit);
			case POLICY_CHECK, POLICY_ACTIVATE, POLICY_BACKTEST -> runPolicy();
			case HASHES_IMPORT -> importHashes();
			case REFERRALS_EXPORT -> withContext((context) -> ReferralsCommand.export(context, System.out));
			case INTAKE_MAIL -> withContext((context) -> MailCommand.run(context,
					this.words.subList(2, this.words.size()), System.in, System.out));
			case STAFF -> runStaff();
			case TRANSPARENCY_EXPORT, TRANSPARENCY_REPORT -> runTransparency();
			default -> {
				System.err.println(USAGE);
				yield 2;
			}
		};
	}

	private int runTransparency() {
		Map.Entry<String[], Map<String, String>> split = TransparencyCommands.takeOptions(this.springArguments);
		boolean export = this.command == Command.TRANSPARENCY_EXPORT;
		String problem = TransparencyCommands.problem(export, split.getValue());
		if (problem != null) {
			System.err.println(problem);
			System.err.println(USAGE);
			return 2;
		}
		return withContext(split.getKey(), (context) -> {
			try {
				return export ? TransparencyCommands.export(context, split.getValue(), System.out)
						: TransparencyCommands.report(context, split.getValue(), System.out);
			}
			catch (IOException ex) {
				System.err.println("transparency: " + ex.getMessage());
				return 1;
			}
		});
	}

	private int runPolicy() {
		Map.Entry<String[], Map<String, String>> split = PolicyCommands.takeOptions(this.springArguments);
		Map<String, String> options = split.getValue();
		Path file = Path.of(this.words.get(2));
		return withContext(split.getKey(), (context) -> switch (this.command) {
			case POLICY_CHECK -> PolicyCommands.check(context, file);
			case POLICY_ACTIVATE ->
				PolicyCommands.activate(context, file, options.getOrDefault("author", System.getProperty("user.name")));
			default -> PolicyCommands.backtest(context, file, options.get("since"), options.get("examples"));
		});
	}

	private int runStaff() {
		Map.Entry<String[], Map<String, String>> split = StaffCommands.takeOptions(this.springArguments);
		return withContext(split.getKey(), (context) -> StaffCommands.run(context, this.words, split.getValue()));
	}

	private int importHashes() {
		Map.Entry<String[], Map<String, String>> split = PolicyCommands.takeOptions(this.springArguments);
		Map<String, String> options = split.getValue();
		if (options.get("list") == null || options.get("source") == null) {
			System.err.println("hashes import needs --list NAME and --source SOURCE");
			System.err.println(USAGE);
			return 2;
		}
		Path file = Path.of(this.words.get(2));
		String csv;
		try {
			csv = Files.readString(file);
		}
		catch (IOException ex) {
			System.err.println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		return withContext(split.getKey(), (context) -> {
			KnownContent.ImportResult result = context.getBean(KnownContent.class)
				.importList(csv, options.get("list"), options.get("source"), "cli:" + System.getProperty("user.name"));
			System.out.printf("hashes import: %d imported, %d already listed, %d lines rejected%n", result.imported(),
					result.alreadyListed(), result.rejected().size());
			result.rejected().forEach((message) -> System.out.println("  " + file + ": " + message));
			return result.rejected().isEmpty() ? 0 : 1;
		});
	}

	private int withContext(ToIntFunction<ConfigurableApplicationContext> task) {
		return withContext(this.springArguments, task);
	}

	private static int withContext(String[] springArguments, ToIntFunction<ConfigurableApplicationContext> task) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AbusedeskApplication.class)
			.web(WebApplicationType.NONE)
			.properties("abusedesk.jobs.enabled=false",
					"spring.modulith.events.republish-outstanding-events-on-restart=false", "logging.level.root=WARN")
			.run(springArguments)) {
			return task.applyAsInt(context);
		}
	}

	private static int importCatalog(ConfigurableApplicationContext context, Path file) {
		String document;
		try {
			document = Files.readString(file);
		}
		catch (IOException ex) {
			System.err.println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		CatalogImport.Result result = context.getBean(CatalogImport.class).apply(document);
		PrintStream out = System.out;
		out.printf("catalog import: %d accounts, %d properties applied, %d entries rejected%n",
				result.accountsApplied(), result.propertiesApplied(), result.rejected().size());
		result.rejected()
			.forEach((rejected) -> rejected.errors()
				.forEach((error) -> out.printf("  %s: %s (%s)%n", error.field(), error.message(), error.code())));
		return result.rejected().isEmpty() ? 0 : 1;
	}

	private static int verifyAudit(ConfigurableApplicationContext context) {
		AuditLog.Verification verification = context.getBean(AuditLog.class).verify();
		if (verification.intact()) {
			System.out.printf("audit log intact: %d entries checked%n", verification.entriesChecked());
			return 0;
		}
		System.out.printf("audit log BROKEN at entry %d: %s (%d entries checked before it)%n",
				verification.firstBrokenEntryId(), verification.problem(), verification.entriesChecked());
		return 1;
	}

}
