package org.abusedesk.identity.internal;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 8: rotating a bootstrap token revokes the old one; admins list and
 * revoke staff tokens, and a revoked token is refused at once.
 */
class StaffTokenLifecycleTests extends IntegrationTest {

	@Autowired
	private StaffTokenStore tokens;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void changingTheAdminTokenLeavesTheOldTokenValid() {
		Api api = api();
		String first = "rotate-admin-" + UUID.randomUUID();
		String second = "rotate-admin-" + UUID.randomUUID();
		new AdminBootstrap(this.tokens, first, false).run(null);
		assertThat(api.get("/api/v1/outbox", first).status()).isEqualTo(200);
		// the same value at the next start: still valid
		new AdminBootstrap(this.tokens, first, false).run(null);
		assertThat(api.get("/api/v1/outbox", first).status()).isEqualTo(200);

		new AdminBootstrap(this.tokens, second, false).run(null);
		assertThat(api.get("/api/v1/outbox", first).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/outbox", second).status()).isEqualTo(200);
		long old = idOf(first);
		assertThat(this.audit.entries("staff_token:" + old)).extracting(AuditLog.Entry::action)
			.containsExactly("staff_token.issued", "staff_token.revoked");

		// going back to a revoked value does not bring it back
		new AdminBootstrap(this.tokens, first, false).run(null);
		assertThat(api.get("/api/v1/outbox", first).status()).isEqualTo(401);
	}

	@Test
	void changingTheEdgeTokenLeavesTheOldTokenValid() {
		Api api = api();
		String first = "rotate-edge-" + UUID.randomUUID();
		String second = "rotate-edge-" + UUID.randomUUID();
		new EdgeBootstrap(this.tokens, first).run(null);
		assertThat(api.get("/api/v1/mitigations/active", first).status()).isEqualTo(200);
		new EdgeBootstrap(this.tokens, second).run(null);
		assertThat(api.get("/api/v1/mitigations/active", first).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/mitigations/active", second).status()).isEqualTo(200);
	}

	@Test
	void thereIsNoWayToListOrRevokeStaffTokens() {
		Api api = api();
		String admin = this.tokens.issue("admin-" + UUID.randomUUID(), Role.ADMIN, "test", null);
		String holder = "agent-" + UUID.randomUUID();
		String agent = this.tokens.issue(holder, Role.AGENT, "agent laptop", null);
		assertThat(api.get("/api/v1/cases", agent).status()).isEqualTo(200);

		Api.Response list = api.get("/api/v1/staff-tokens", admin);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(agent).doesNotContain(TokenHash.of(agent)).doesNotContain("hash");
		JsonNode listed = find(list.json(), holder);
		assertThat(listed).as(list.body()).isNotNull();
		assertThat(listed.path("label").asString()).isEqualTo("agent laptop");
		assertThat(listed.path("role").asString()).isEqualTo("agent");
		assertThat(listed.path("created_at").isNull()).isFalse();
		assertThat(listed.path("revoked_at").isNull()).isTrue();
		long id = listed.path("id").asLong();

		Api.Response revocation = api.delete("/api/v1/staff-tokens/" + id, admin);
		assertThat(revocation.status()).as(revocation.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/cases", agent).status()).isEqualTo(401);
		assertThat(api.delete("/api/v1/staff-tokens/" + id, admin).status()).isEqualTo(404);
		assertThat(this.audit.entries("staff_token:" + id)).last()
			.satisfies((entry) -> assertThat(entry.action()).isEqualTo("staff_token.revoked"))
			.satisfies((entry) -> assertThat(entry.actor()).startsWith("staff:admin-"));
		JsonNode revoked = find(api.get("/api/v1/staff-tokens?limit=1000", admin).json(), holder);
		assertThat(revoked.path("revoked_at").isNull()).isFalse();

		// paging, and bad paging answered 422 with field errors
		assertThat(api.get("/api/v1/staff-tokens?limit=1&before=" + (id + 1), admin).json().get(0).path("id").asLong())
			.isEqualTo(id);
		Api.Response bad = api.get("/api/v1/staff-tokens?limit=0&before=x", admin);
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("limit").contains("before");
	}

	@Test
	void theLastLiveAdminTokenCannotBeRevoked() {
		String admin = this.tokens.issue("admin-" + UUID.randomUUID(), Role.ADMIN, "test", null);
		long id = idOf(admin);
		this.transactions.executeWithoutResult((status) -> {
			// in a transaction rolled back at the end: the other tests' admin tokens live
			// on
			this.jdbc.sql("""
					update api_token set revoked_at = now() where revoked_at is null and id <> :id
					and staff_user_id in (select id from staff_user where role = 'admin')""").param("id", id).update();
			assertThat(this.tokens.revoke(id, "staff:test")).isEqualTo(StaffTokenStore.Revocation.LAST_ADMIN_TOKEN);
			status.setRollbackOnly();
		});
		assertThat(api().get("/api/v1/outbox", admin).status()).isEqualTo(200);
	}

	private long idOf(String secret) {
		return this.jdbc.sql("select id from api_token where token_hash = :hash")
			.param("hash", TokenHash.of(secret))
			.query(Long.class)
			.single();
	}

	private static JsonNode find(JsonNode list, String holder) {
		for (JsonNode token : list) {
			if (holder.equals(token.path("holder").asString())) {
				return token;
			}
		}
		return null;
	}

}
