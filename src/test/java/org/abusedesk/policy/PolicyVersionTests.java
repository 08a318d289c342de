package org.abusedesk.policy;

import org.abusedesk.TestCatalog;
import java.time.Instant;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.abusedesk.policy.InvalidPolicyException;
import org.abusedesk.policy.PolicyDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Policy versions: the default active at start, audited activation, immutable versions,
 * backtests.
 */
class PolicyVersionTests extends IntegrationTest {

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private PolicyDocuments policies;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	private static String defaultDocument() throws Exception {
		return new ClassPathResource("policy/default-policy.yaml")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theDefaultPolicyIsActiveAndShownToStaff() {
		String agent = this.tokens.issue("agent-" + UUID.randomUUID(), Role.AGENT, "test", null);
		Api.Response shown = new Api(this.port).get("/api/v1/policy", agent);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json().get("version").asString()).isEqualTo("default-3");
		assertThat(shown.json().get("document").asString()).contains("proxy.forward");
		assertThat(this.jdbc.sql("select count(*) from policy_version where active").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void activationIsAuditedWithItsAuthorAndExactlyOneVersionIsActive() throws Exception {
		String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
		String draft = defaultDocument().replace("version: default-3", "version: " + version);
		try {
			PolicyDocuments.ActivePolicy active = this.policies.activate(draft, "staff:alice");
			assertThat(active.version()).isEqualTo(version);
			assertThat(this.policies.active().version()).isEqualTo(version);
			assertThat(this.jdbc.sql("select count(*) from policy_version where active").query(Integer.class).single())
				.isEqualTo(1);
			java.util.List<AuditLog.Entry> entries = this.audit.entries("policy");
			AuditLog.Entry last = entries.get(entries.size() - 1);
			assertThat(last.action()).isEqualTo("policy.activated");
			assertThat(last.actor()).isEqualTo("staff:alice");
			assertThat(last.details()).contains(version).contains("default-3");
		}
		finally {
			this.policies.activate(defaultDocument(), "system");
		}
		assertThat(this.policies.active().version()).isEqualTo("default-3");
	}

	@Test
	void aStoredVersionCannotBeReusedForDifferentTextAndInvalidDocumentsAreRefused() throws Exception {
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> this.policies.activate(defaultDocument() + "\n# changed\n", "staff:mallory"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).message()).contains("already stored"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> this.policies.activate("version: broken-1\nrules: []\n", "staff:mallory"));
		assertThat(this.policies.active().version()).isEqualTo("default-3");
	}

	@Test
	void backtestCountsChangedDecisionsWithoutWritingAnything() throws Exception {
		TestCatalog catalog = TestCatalog.unique();
		Api api = new Api(this.port);
		String admin = this.tokens.issue("admin-" + catalog.id(), Role.ADMIN, "test", null);
		assertThat(api.put("/api/v1/catalog", catalog.document(), admin).status()).isEqualTo(200);
		Instant since = Instant.now().minusSeconds(5);
		long reportId = api
			.post("/api/v1/reports/general", catalog.report("a." + catalog.hostedZone(), "send", "send"), null)
			.json()
			.get("id")
			.asLong();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from decision where report_id = :id")
				.param("id", reportId)
				.query(Integer.class)
				.single() == 1);
		String draft = defaultDocument().replace("version: default-3", "version: draft-1")
			.replace("id: hosting.review", "id: hosting.review_draft");
		int decisionsBefore = this.jdbc.sql("select count(*) from decision").query(Integer.class).single();

		PolicyDocuments.Backtest result = this.policies.backtest(draft, since, 3);

		assertThat(result.replayed()).isGreaterThanOrEqualTo(1);
		assertThat(result.changedByServiceAndType()).containsKey("hosting/general");
		assertThat(result.examples()).isNotEmpty()
			.allSatisfy((change) -> assertThat(change.draftRule()).isEqualTo("hosting.review_draft"));
		assertThat(this.policies.backtest(defaultDocument(), since, 3).changed()).isZero();
		assertThat(this.jdbc.sql("select count(*) from decision").query(Integer.class).single())
			.isEqualTo(decisionsBefore);
		assertThat(this.policies.active().version()).isEqualTo("default-3");
	}

}
