package org.abusedesk;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
		this.jdbc
			.sql("""
					insert into statement_of_reasons (puid, mitigation_id, kind, case_id, mitigation_type, statement,
					    created_at)
					values (:puid, 1, 'restriction', 1, 'content_disable', cast(:statement as jsonb), '2022-06-01T12:00:00Z')""")
			.param("puid", puid)
			.param("statement", statement)
			.update();
		Map<String, String> period = Map.of("from", "2022-06-01", "to", "2022-06-01");

		String json = run((out) -> TransparencyCommands.export(this.context, period, out));
		assertThat(json).startsWith("{\"statements\":[").contains(puid);
		SorValidator.Result valid = SorValidator.validateBatch(json);
		assertThat(valid.exitCode()).as(valid.output()).isZero();

		Map<String, String> csvPeriod = new java.util.HashMap<>(period);
		csvPeriod.put("format", "csv");
		List<String> csv = run((out) -> TransparencyCommands.export(this.context, csvPeriod, out)).lines().toList();
		assertThat(csv).hasSize(2);
		assertThat(csv.get(0)).startsWith("puid,decision_visibility,");
		assertThat(csv.get(1)).startsWith(puid + ",DECISION_VISIBILITY_CONTENT_DISABLED,");
		assertThat(csv.get(1)).contains(",AT|BE|BG|");
	}

	@Test
	void reportWritesMarkdownByDefault() throws Exception {
		String md = run((out) -> TransparencyCommands.report(this.context,
				Map.of("from", "2019-01-01", "to", "2019-01-31"), out));
		assertThat(md).startsWith("# Transparency report")
			.contains("Period: 2019-01-01T00:00:00Z to 2019-02-01T00:00:00Z")
			.contains("## Reports received", "## Actions taken", "## Time to decision and to action",
					"## Appeals, counter-notices and strikes", "## Requests from authorities",
					"## Referrals and campaigns");
	}

	interface Command {

		int run(PrintStream out) throws Exception;

	}

	private static String run(Command command) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			assertThat(command.run(out)).isZero();
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
