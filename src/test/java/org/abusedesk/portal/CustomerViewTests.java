package org.abusedesk.portal;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.DeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.audit.AuditLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers see their own reports and mitigations, never another account's, and contest a
 * mitigation: an active one stays in force, a pending one is cancelled, the case is
 * queued again.
 */
class CustomerViewTests extends DeskTest {

	@Autowired
	private AuditLog audit;

	@Test
	void textTheDatabaseCannotHoldIsAnInvalidInputNotAServerError() {
		Api.Response refused = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"hosting-" + this.catalog.id() + "\", \"label\": \"a\\u0000b\"}", this.admin);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.errors().get(0)).endsWith(" invalid_character");
	}

	private long report(String host, String ownerChoice, String suffix) {
		return fileReport("general", this.catalog.report(host, "send", ownerChoice, suffix)).get("id").asLong();
	}

	@Test
	void aCustomerSeesTheReportsAboutItsPropertiesWithTheReporterOnlyWhereTheReporterAgreed() {
		String hosting = customerToken("hosting-" + this.catalog.id());
		String proxy = customerToken("proxy-" + this.catalog.id());
		String host = "blog." + this.catalog.hostedZone();
		long shared = report(host, "send", "/1");
		long anonymous = report(host, "send-anon", "/2");
		long untold = report(host, "none", "/3");
		caseOf(shared);
		caseOf(anonymous);
		caseOf(untold);

		Api.Response response = this.api.get("/api/v1/customer/reports", hosting);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items).extracting((item) -> item.get("id").asLong()).containsExactly(anonymous, shared);
		JsonNode withContact = items.get(1);
		assertThat(withContact.get("reporter").get("email").asString()).isEqualTo(this.catalog.reporter());
		assertThat(withContact.get("comments").asString()).contains("spam trap");
		JsonNode withoutContact = items.get(0);
		assertThat(withoutContact.get("reporter").isNull()).isTrue();
		assertThat(withoutContact.get("comments").isNull()).isTrue();
		assertThat(withoutContact.toString()).doesNotContain(this.catalog.reporter()).doesNotContain("Rita");
		assertThat(withoutContact.get("urls").get(0).asString()).contains(host);

		assertThat(this.api.get("/api/v1/customer/reports", proxy).json().get("items")).isEmpty();
	}

	@Test
	void aCustomerContestsItsOwnMitigationsOnlyAndTheCaseReturnsToTheQueue() {
		String hosting = customerToken("hosting-" + this.catalog.id());
		String proxy = customerToken("proxy-" + this.catalog.id());
		long caseId = caseOf(report("blog." + this.catalog.hostedZone(), "send", ""));
		Instant now = Instant.now();
		Mitigation active = this.mitigations.create(new NewMitigation(caseId, "content_disable", "url_pattern",
				List.of(), now, null, null, "staff:test", Map.of(),
				"https://blog." + this.catalog.hostedZone() + "/login.php", "The page harvests bank passwords."));
		Mitigation pending = this.mitigations.create(new NewMitigation(caseId, "content_disable", "url_pattern",
				List.of(), now.plus(Duration.ofHours(24)), null, null, "staff:test", Map.of(),
				"https://blog." + this.catalog.hostedZone() + "/pay.php", null));

		JsonNode mine = this.api.get("/api/v1/customer/mitigations", hosting).json().get("items");
		assertThat(mine).extracting((item) -> item.get("id").asLong()).containsExactly(pending.id(), active.id());
		JsonNode shown = mine.get(1);
		assertThat(shown.get("status").asString()).isEqualTo("active");
		assertThat(shown.get("target").asString())
			.isEqualTo("https://blog." + this.catalog.hostedZone() + "/login.php");
		assertThat(shown.get("statement").asString()).contains("disabled").contains("harvests bank passwords");
		assertThat(shown.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
		assertThat(shown.get("effective_at").isNull()).isFalse();
		assertThat(shown.get("reviewable").asBoolean()).isTrue();

		// another account neither sees nor acts on them, and cannot tell they exist
		assertThat(this.api.get("/api/v1/customer/mitigations", proxy).json().get("items")).isEmpty();
		Api.Response probe = this.api.post("/api/v1/customer/mitigations/" + active.id() + "/review",
				"{\"reason\": \"removed\"}", proxy);
		assertThat(probe.status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/customer/mitigations/999999999/review", "{\"reason\": \"removed\"}", proxy)
			.status()).isEqualTo(404);
		assertThat(this.mitigations.ofCase(caseId)).extracting(Mitigation::status)
			.containsExactly(MitigationStatus.ACTIVE, MitigationStatus.PENDING);

		assertThat(this.api
			.post("/api/v1/customer/mitigations/" + active.id() + "/review", "{\"reason\": \"sorry\"}", hosting)
			.status()).isEqualTo(422);
		Api.Response contested = this.api.post("/api/v1/customer/mitigations/" + active.id() + "/review",
				"{\"reason\": \"removed\", \"comment\": \"We deleted the page.\"}", hosting);
		assertThat(contested.status()).as(contested.body()).isEqualTo(200);
		// recorded, not applied: the mitigation stays in force until staff decide
		assertThat(contested.json().get("status").asString()).isEqualTo("active");
		Api.Response cancelled = this.api.post("/api/v1/customer/mitigations/" + pending.id() + "/review",
				"{\"reason\": \"misclassified\"}", hosting);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(this.api
			.post("/api/v1/customer/mitigations/" + pending.id() + "/review", "{\"reason\": \"removed\"}", hosting)
			.status()).isEqualTo(409);

		awaitValue("in_review", "select status from abuse_case where id = ?", caseId);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.audit.entries("case:" + caseId)
				.stream()
				.filter((entry) -> entry.action().equals("case.review_requested"))
				.count() == 2);
		assertThat(this.audit.entries("case:" + caseId)).extracting(AuditLog.Entry::action)
			.contains("mitigation.review_requested", "mitigation.cancelled");
		// the durable hand-off is deleted once done: the table holds only what is still
		// to
		// do, not a row per request for ever
		awaitValue(0, """
				select count(*) from event_publication
				where cast(serialized_event as jsonb) ->> 'case_id' = cast(? as text)""", caseId);
	}

	@Test
	void customerAndStaffTokensOpenOnlyTheirOwnDoors() {
		String customer = customerToken("hosting-" + this.catalog.id());
		assertThat(this.api.get("/api/v1/customer/mitigations", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/customer/mitigations", this.admin).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/cases", customer).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/mitigations/active", customer).status()).isEqualTo(401);

		long id = this.api
			.post("/api/v1/customer-tokens", "{\"account_ref\": \"hosting-" + this.catalog.id() + "\"}", this.admin)
			.json()
			.get("id")
			.asLong();
		String revoked = customerToken("hosting-" + this.catalog.id());
		assertThat(this.api.get("/api/v1/customer/mitigations", revoked).status()).isEqualTo(200);
		Api.Response revocation = this.api.delete("/api/v1/customer-tokens/" + (id + 1), this.admin);
		assertThat(revocation.status()).as(revocation.body()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/customer/mitigations", revoked).status()).isEqualTo(401);
	}

}
