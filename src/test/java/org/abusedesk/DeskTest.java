package org.abusedesk;

import java.time.Duration;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running desk for one test: an API client, a slice of catalog of its own
 * ({@link TestCatalog}: a proxied and a hosted customer) imported before the test, and an
 * admin token. The one fixture the flow tests share instead of each copying its set-up.
 */
public abstract class DeskTest extends IntegrationTest {

	@Autowired
	protected StaffTokens tokens;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	protected TestCatalog catalog;

	protected String admin;

	@BeforeEach
	public void openTheDesk() {
		this.api = new Api(this.port);
		this.catalog = TestCatalog.unique();
		this.admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
		Api.Response imported = this.api.put("/api/v1/catalog", this.catalog.document(), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	/** A staff token of {@code role} for this test. */
	protected String staffToken(String name, Role role) {
		return this.tokens.issue(name + "-" + this.catalog.id(), role, "test", null);
	}

	/** A customer token for the account {@code accountRef}, issued by the admin. */
	protected String customerToken(String accountRef) {
		Api.Response issued = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"" + accountRef + "\", \"label\": \"portal\"}", this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	/** Waits until the router has attached the report to a case; that case's id. */
	protected long caseOf(long reportId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from case_report where report_id = :id")
				.param("id", reportId)
				.query(Integer.class)
				.single() == 1);
		return this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

}
