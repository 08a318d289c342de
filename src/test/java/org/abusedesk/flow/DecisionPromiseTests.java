package org.abusedesk.flow;

import java.time.Duration;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "Every decision keeps its promise": each decision is applied as decided, from
 * the report filed over HTTP through the router and the case to the mitigations the edge
 * reads, the customer's view and the messages.
 */
class DecisionPromiseTests extends IntegrationTest {

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private CaseWork work;

	@Autowired
	private JdbcClient jdbc;

	private Api api;

	private TestCatalog catalog;

	private String admin;

	private String edge;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.catalog = TestCatalog.unique();
		this.admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
		this.edge = this.tokens.issue("edge-" + this.catalog.id(), Role.EDGE, "test", null);
		Api.Response imported = this.api.put("/api/v1/catalog", this.catalog.document(), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	@Test
	void urlPatternMitigationTargetsTheReportedUrlsNotTheWholeSite() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAwaitCase("phishing", """
				{"reporter": {"name": "Rita Reporter", "email": "%1$s", "kind": "individual"},
				 "urls": ["https://%2$s/phish/", "HTTPS://%3$s/login.php?session=1#form"],
				 "justification": "A fake bank login page harvesting passwords.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true}""".formatted(this.catalog.reporter(),
				host, host.toUpperCase(java.util.Locale.ROOT)));
		long cursor = changeCursor();

		CaseWork.Outcome outcome = this.work.accept(caseId, reviewer("reviewer"));
		assertThat(outcome.status()).isEqualTo("actioned");

		List<JsonNode> fed = edgeFeed(cursor, caseId);
		assertThat(fed).extracting((m) -> m.get("target").asString())
			.containsExactly("https://" + host + "/phish/*", "https://" + host + "/login.php?session=1");
		assertThat(fed).allSatisfy((m) -> {
			assertThat(m.get("type").asString()).isEqualTo("content_disable");
			assertThat(m.get("entity_type").asString()).isEqualTo("url_pattern");
			assertThat(m.get("status").asString()).isEqualTo("pending");
		});
		assertThat(fed).extracting((m) -> m.get("target").asString())
			.doesNotContain(this.catalog.hostedZone(), host, "https://" + host + "/");

		// the customer sees the same targets, and the statement of reasons names them
		String customer = customerToken("hosting-" + this.catalog.id());
		JsonNode mine = this.api.get("/api/v1/customer/mitigations", customer).json().get("items");
		assertThat(mine).extracting((m) -> m.get("target").asString())
			.containsExactlyInAnyOrder("https://" + host + "/phish/*", "https://" + host + "/login.php?session=1");
		assertThat(mine).anySatisfy((m) -> assertThat(m.get("statement").asString())
			.contains("https://" + host + "/phish/ and every page under it"));
		assertThat(mine).anySatisfy(
				(m) -> assertThat(m.get("statement").asString()).contains("https://" + host + "/login.php?session=1"));
	}

	private long changeCursor() {
		return this.jdbc.sql("select coalesce(max(change_seq), 0) from mitigation").query(Long.class).single();
	}

	private Actor reviewer(String name) {
		return new Actor(name + "-" + this.catalog.id(), Role.REVIEWER);
	}

	private String customerToken(String accountRef) {
		Api.Response issued = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"" + accountRef + "\", \"label\": \"portal\"}", this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	/** The edge feed's items of one case after {@code cursor}, read page by page. */
	private List<JsonNode> edgeFeed(long cursor, long caseId) {
		List<JsonNode> items = new java.util.ArrayList<>();
		long after = cursor;
		boolean more = true;
		while (more) {
			Api.Response page = this.api.get("/api/v1/mitigations/active?limit=1000&after=" + after, this.edge);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			JsonNode json = page.json();
			json.get("mitigations")
				.valueStream()
				.filter((m) -> m.get("case_id").asLong() == caseId)
				.forEach(items::add);
			after = json.get("next_cursor").asLong();
			more = json.get("has_more").asBoolean();
		}
		return items;
	}

	/** Files a report over HTTP and answers its case once the router attached it. */
	private long fileAndAwaitCase(String type, String body) {
		Api.Response created = this.api.post("/api/v1/reports/" + type, body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long reportId = created.json().get("id").asLong();
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select case_id from case_report where report_id = :id")
				.param("id", reportId)
				.query(Long.class)
				.optional()
				.orElse(null), (id) -> id != null);
	}

}
