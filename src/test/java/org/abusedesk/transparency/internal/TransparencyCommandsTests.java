package org.abusedesk.transparency.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.abusedesk.CommandRun;
import org.abusedesk.IntegrationTest;
import org.abusedesk.transparency.SorValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "Export for providers that submit by other means": {@code abusedesk
 * transparency export} writes the period's statements in the database's batch form (which
 * passes its rules) or as CSV, and {@code abusedesk transparency report} the report.
 */
class TransparencyCommandsTests extends IntegrationTest {

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void exportWritesTheStatementsOfThePeriodAsTheDatabasesBatchAndAsCsv() throws Exception {
		String puid = "abusedesk-export-" + UUID.randomUUID();
		String statement = Files
			.readString(Path.of(getClass().getResource("/conformance/validate_sor.py").toURI())
				.resolveSibling("sample_statement.json"))
			.replace("PUID", puid);
		this.jdbc.sql("""
				insert into statement_of_reasons (puid, mitigation_id, kind, case_id, mitigation_type, statement,
				    created_at)
				values (:puid, :mitigation, 'restriction', 1, 'content_disable', cast(:statement as jsonb),
				    '2022-06-01T12:00:00Z')""")
			.param("puid", puid)
			// a mitigation id no other test's statement has (one statement per mitigation
			// and kind)
			.param("mitigation", 1_000_000_000L + Math.floorMod(puid.hashCode(), 1_000_000_000L))
			.param("statement", statement)
			.update();

		String json = run("transparency", "export", "--from", "2022-06-01", "--to=2022-06-01");
		assertThat(json).startsWith("{\"statements\":[").contains(puid);
		SorValidator.Result valid = SorValidator.validateBatch(json);
		assertThat(valid.exitCode()).as(valid.output()).isZero();

		List<String> csv = run("transparency", "export", "--from", "2022-06-01", "--to", "2022-06-01", "--format",
				"csv")
			.lines()
			.toList();
		assertThat(csv).hasSize(2);
		assertThat(csv.get(0)).startsWith("puid,decision_visibility,");
		assertThat(csv.get(1)).startsWith(puid + ",DECISION_VISIBILITY_CONTENT_DISABLED,");
		assertThat(csv.get(1)).contains(",AT|BE|BG|");
	}

	@Test
	void reportWritesMarkdownByDefault() throws Exception {
		String md = run("transparency", "report", "--from", "2019-01-01", "--to", "2019-01-31");
		assertThat(md).startsWith("# Transparency report")
			.contains("Period: 2019-01-01T00:00:00Z to 2019-02-01T00:00:00Z")
			.contains("## Reports received", "## Actions taken", "## Time to decision and to action",
					"## Appeals, counter-notices and strikes", "## Requests from authorities",
					"## Referrals and campaigns");
	}

	@Test
	void readsTransparencyExportAndReportWithTheirOptions() {
		CommandRun export = CommandRun.parse("transparency", "export", "--from", "2026-01-01", "--to", "2026-06-30",
				"--format=csv", "--server.port=1");
		assertThat(export.exit()).as(export.err()).isZero();
		assertThat(export.springArguments()).containsExactly("--server.port=1");
		assertThat(CommandRun.parse("transparency", "report", "--from", "2026-01-01", "--to", "2026-06-30")
			.springArguments()).isEmpty();
	}

	@Test
	void aTransparencyCommandWithoutItsPeriodOrWithAnUnknownFormatGivesStatusTwo() {
		CommandRun noEnd = CommandRun.parse("transparency", "report", "--from", "2026-01-01");
		assertThat(noEnd.exit()).isEqualTo(2);
		assertThat(noEnd.err())
			.isEqualTo("--to is required (YYYY-MM-DD or an ISO instant).\n" + CommandRun.usage() + "\n");
		assertThat(noEnd.springArguments()).isNull();
		CommandRun md = CommandRun.parse("transparency", "export", "--from", "2026-01-01", "--to", "2026-02-01",
				"--format", "md");
		assertThat(md.exit()).isEqualTo(2);
		assertThat(md.err()).startsWith("--format must be one of json, csv: md\n");
		assertThat(CommandRun.parse("transparency", "publish").exit()).isEqualTo(2);
	}

	private String run(String... args) {
		CommandRun run = CommandRun.run(this.context, "", args);
		assertThat(run.exit()).as(run.err()).isZero();
		return run.out();
	}

}
