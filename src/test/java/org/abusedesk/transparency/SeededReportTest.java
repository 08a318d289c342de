package org.abusedesk.transparency;

import java.util.List;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transparency report over HTTP, read by an agent, on a history the test seeds
 * ({@link TransparencyHistory}) in a period nothing else in the test run touches.
 */
abstract class SeededReportTest extends IntegrationTest {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected StaffTokens tokens;

	protected Api api;

	protected String agent;

	@BeforeEach
	void issueAnAgentToken() {
		this.api = api();
		this.agent = this.tokens.issue("report-agent-" + UUID.randomUUID(), Role.AGENT, "test", null);
	}

	/** The report's sections at {@code pathAndQuery}, read by the agent. */
	protected JsonNode sections(String pathAndQuery) {
		Api.Response response = this.api.get(pathAndQuery, this.agent);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("sections");
	}

	/** The rows of a table as {@code key=value}. */
	protected static List<String> rows(JsonNode table, String key, String value) {
		return table.valueStream().map((row) -> row.get(key).asString() + "=" + row.get(value).asString()).toList();
	}

	/** The rows of a table as {@code key=count}. */
	protected static List<String> rows(JsonNode table, String key) {
		return rows(table, key, "count");
	}

}
