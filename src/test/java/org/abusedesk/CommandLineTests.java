package org.abusedesk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	@Test
	void noWordsMeansServeAndOptionsGoToSpring() {
		CommandLine line = CommandLine.parse(new String[] { "--server.port=9000" });
		assertThat(line.command()).isEqualTo(CommandLine.Command.SERVE);
		assertThat(line.springArguments()).containsExactly("--server.port=9000");
	}

	@Test
	void readsCatalogImportWithItsFile() {
		CommandLine line = CommandLine.parse(new String[] { "catalog", "import", "c.json", "--spring.mail.port=2525" });
		assertThat(line.command()).isEqualTo(CommandLine.Command.CATALOG_IMPORT);
		assertThat(line.words()).containsExactly("catalog", "import", "c.json");
		assertThat(line.springArguments()).containsExactly("--spring.mail.port=2525");
	}

	@Test
	void readsAuditVerify() {
		assertThat(CommandLine.parse(new String[] { "audit", "verify" }).command())
			.isEqualTo(CommandLine.Command.AUDIT_VERIFY);
	}

	@Test
	void readsIntakeMailWithOrWithoutFiles() {
		assertThat(CommandLine.parse(new String[] { "intake", "mail" }).command())
			.isEqualTo(CommandLine.Command.INTAKE_MAIL);
		CommandLine line = CommandLine.parse(new String[] { "intake", "mail", "a.eml", "b.eml", "--x=y" });
		assertThat(line.command()).isEqualTo(CommandLine.Command.INTAKE_MAIL);
		assertThat(line.words()).containsExactly("intake", "mail", "a.eml", "b.eml");
	}

	@Test
	void readsHashesImportWithItsListAndSource() {
		CommandLine line = CommandLine.parse(
				new String[] { "hashes", "import", "h.csv", "--list", "ncmec", "--source=ncmec", "--server.port=1" });
		assertThat(line.command()).isEqualTo(CommandLine.Command.HASHES_IMPORT);
		var split = PolicyCommands.takeOptions(line.springArguments());
		assertThat(split.getKey()).containsExactly("--server.port=1");
		assertThat(split.getValue()).containsEntry("list", "ncmec").containsEntry("source", "ncmec");
	}

	@Test
	void hashesImportWithoutListOrSourceGivesUsageAndStatusTwo() {
		assertThat(CommandLine.parse(new String[] { "hashes", "import", "h.csv", "--list", "x" }).runTask())
			.isEqualTo(2);
	}

	@Test
	void unknownWordsGiveUsageAndStatusTwo() {
		CommandLine line = CommandLine.parse(new String[] { "catalog", "export" });
		assertThat(line.command()).isEqualTo(CommandLine.Command.USAGE);
		assertThat(line.runTask()).isEqualTo(2);
	}

	@Test
	void readsPolicyCommandsWithTheirFileAndOptions() {
		CommandLine check = CommandLine.parse(new String[] { "policy", "check", "p.yaml" });
		assertThat(check.command()).isEqualTo(CommandLine.Command.POLICY_CHECK);
		CommandLine activate = CommandLine
			.parse(new String[] { "policy", "activate", "p.yaml", "--author", "alice", "--server.port=1" });
		assertThat(activate.command()).isEqualTo(CommandLine.Command.POLICY_ACTIVATE);
		var split = PolicyCommands.takeOptions(activate.springArguments());
		assertThat(split.getKey()).containsExactly("--server.port=1");
		assertThat(split.getValue()).containsEntry("author", "alice");
		assertThat(PolicyCommands.takeOptions(new String[] { "--since=2025-01-01" }).getValue()).containsEntry("since",
				"2025-01-01");
		assertThat(CommandLine.parse(new String[] { "policy", "backtest", "p.yaml" }).command())
			.isEqualTo(CommandLine.Command.POLICY_BACKTEST);
		assertThat(CommandLine.parse(new String[] { "policy", "erase", "p.yaml" }).command())
			.isEqualTo(CommandLine.Command.USAGE);
	}

	@Test
	void readsTransparencyExportAndReportWithTheirOptions() {
		CommandLine export = CommandLine.parse(new String[] { "transparency", "export", "--from", "2026-01-01", "--to",
				"2026-06-30", "--format=csv", "--server.port=1" });
		assertThat(export.command()).isEqualTo(CommandLine.Command.TRANSPARENCY_EXPORT);
		var split = TransparencyCommands.takeOptions(export.springArguments());
		assertThat(split.getKey()).containsExactly("--server.port=1");
		assertThat(split.getValue()).containsEntry("from", "2026-01-01")
			.containsEntry("to", "2026-06-30")
			.containsEntry("format", "csv");
		assertThat(TransparencyCommands.problem(true, split.getValue())).isNull();
		assertThat(CommandLine.parse(new String[] { "transparency", "report", "--from", "2026-01-01" }).command())
			.isEqualTo(CommandLine.Command.TRANSPARENCY_REPORT);
	}

	@Test
	void aTransparencyCommandWithoutItsPeriodOrWithAnUnknownFormatGivesStatusTwo() {
		assertThat(TransparencyCommands.problem(false, java.util.Map.of("from", "2026-01-01")))
			.isEqualTo("--to is required (YYYY-MM-DD or an ISO instant).");
		assertThat(TransparencyCommands.problem(true,
				java.util.Map.of("from", "2026-01-01", "to", "2026-02-01", "format", "md")))
			.isEqualTo("--format must be one of json, csv: md");
		assertThat(CommandLine.parse(new String[] { "transparency", "report", "--from", "2026-01-01" }).runTask())
			.isEqualTo(2);
	}

}
