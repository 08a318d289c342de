package org.abusedesk.mitigations;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.identity.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "Staff cannot lift, end or extend a mitigation; review_at is stored but
 * nothing acts on it; mitigations without an expiry never end": staff end, extend and
 * reschedule the review of a mitigation over HTTP, a review date that passes puts the
 * case back in the queue, and every mitigation without an expiry has a review date.
 */
class StaffMitigationControlTests extends EdgeDeskTest {

	@Autowired
	private Mitigations mitigations;

	@Test
	void staffEndsAMitigationAndTheEdgeFeedDropsIt() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		long interstitial = latest(cursor, phishingCase).get(0).get("id").asLong();
		long legalBlock = latest(cursor, orderCase).get(0).get("id").asLong();
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String end = "/api/v1/mitigations/" + interstitial + "/end";

		Api.Response noReason = this.api.post(end, "{\"reason\": \"  \"}", reviewer);
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
		assertThat(noReason.json().at("/errors/0/code").asString()).isEqualTo("required");
		assertThat(this.api.post(end, "not json", reviewer).status()).isEqualTo(422);
		assertThat(this.api.post(end, "{\"reason\": \"x\"}", null).status()).isEqualTo(401);
		assertThat(this.api.post(end, "{\"reason\": \"x\"}", staffToken("agent", Role.AGENT)).status()).isEqualTo(403);
		assertThat(this.api.post(end, "{\"reason\": \"x\"}", this.edge).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/mitigations/999999999999/end", "{\"reason\": \"x\"}", reviewer).status())
			.isEqualTo(404);
		// a legal block is ended by legal, a senior or an admin only
		assertThat(this.api
			.post("/api/v1/mitigations/" + legalBlock + "/end", "{\"reason\": \"The order lapsed.\"}", reviewer)
			.status()).isEqualTo(403);
		assertThat(latest(cursor, orderCase).get(0).get("status").asString()).isEqualTo("active");

		Api.Response ended = this.api.post(end, "{\"reason\": \"The campaign is over; ending it.\"}", reviewer);
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.json().get("status").asString()).isEqualTo("removed");
		assertThat(latest(cursor, phishingCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
		assertThat(this.api.get("/interstitial/" + interstitial, null).status()).isEqualTo(404);
		assertThat(this.api.post(end, "{\"reason\": \"again\"}", reviewer).status()).isEqualTo(409);
		assertThat(webhooksOf(interstitial, "mitigation.ended")).isEqualTo(1);
		assertThat(this.audit.entries("case:" + phishingCase)).filteredOn((e) -> e.action().equals("mitigation.ended"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				assertThat(e.details()).contains("\"reason\":\"The campaign is over; ending it.\"")
					.contains("\"previous_status\":\"active\"")
					.contains("\"status\":\"removed\"");
			});

		Api.Response bySenior = this.api.post("/api/v1/mitigations/" + legalBlock + "/end",
				"{\"reason\": \"The order lapsed on 2026-03-01.\"}", staffToken("senior", Role.SENIOR));
		assertThat(bySenior.status()).as(bySenior.body()).isEqualTo(200);
		assertThat(latest(cursor, orderCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("removed"));
	}

	@Test
	void staffExtendsAMitigationsExpiry() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, Duration.ofDays(7), null));
		JsonNode before = latest(cursor, phishingCase).get(0);
		long id = before.get("id").asLong();
		Instant expires = Instant.parse(before.get("expires_at").asString());
		// one that expires needs no review date
		assertThat(this.mitigations.ofCase(phishingCase).get(0).reviewAt()).isNull();
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String extend = "/api/v1/mitigations/" + id + "/extend";

		Api.Response nothing = this.api.post(extend, "{}", reviewer);
		assertThat(nothing.status()).isEqualTo(422);
		assertThat(nothing.json().get("errors"))
			.extracting((e) -> e.get("field").asString() + " " + e.get("code").asString())
			.containsExactly("reason required", "expires_at required");
		Api.Response notATime = this.api.post(extend, "{\"expires_at\": \"next week\", \"reason\": \"x\"}", reviewer);
		assertThat(notATime.status()).isEqualTo(422);
		assertThat(notATime.json().at("/errors/0/field").asString()).isEqualTo("expires_at");
		assertThat(notATime.json().at("/errors/0/code").asString()).isEqualTo("not_a_time");
		Api.Response past = this.api.post(extend, "{\"expires_at\": \"2020-01-01T00:00:00Z\", \"reason\": \"x\"}",
				reviewer);
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.json().at("/errors/0/code").asString()).isEqualTo("not_in_future");
		Api.Response earlier = this.api.post(extend,
				"{\"expires_at\": \"" + expires.minus(1, ChronoUnit.DAYS) + "\", \"reason\": \"x\"}", reviewer);
		assertThat(earlier.status()).isEqualTo(422);
		assertThat(earlier.json().at("/errors/0/code").asString()).isEqualTo("not_later");
		assertThat(this.api
			.post(extend, "{\"expires_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}",
					staffToken("agent", Role.AGENT))
			.status()).isEqualTo(403);
		assertThat(this.api
			.post("/api/v1/mitigations/999999999999/extend",
					"{\"expires_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}", reviewer)
			.status()).isEqualTo(404);

		Instant later = expires.plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Api.Response extended = this.api.post(extend,
				"{\"expires_at\": \"" + later + "\", \"reason\": \"The kit came back twice.\"}", reviewer);
		assertThat(extended.status()).as(extended.body()).isEqualTo(200);
		assertThat(Instant.parse(extended.json().get("expires_at").asString())).isEqualTo(later);
		assertThat(extended.json().get("status").asString()).isEqualTo("active");
		// the edge hears of the new expiry
		assertThat(latest(cursor, phishingCase)).singleElement().satisfies((m) -> {
			assertThat(m.get("status").asString()).isEqualTo("active");
			assertThat(Instant.parse(m.get("expires_at").asString())).isEqualTo(later);
			assertThat(m.get("change_seq").asLong()).isGreaterThan(before.get("change_seq").asLong());
		});
		assertThat(webhooksOf(id, "mitigation.extended")).isEqualTo(1);
		assertThat(this.audit.entries("case:" + phishingCase))
			.filteredOn((e) -> e.action().equals("mitigation.extended"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				assertThat(e.details()).contains("\"reason\":\"The kit came back twice.\"")
					.contains("\"expires_at_before\":\"" + expires + "\"")
					.contains("\"expires_at\":\"" + later + "\"");
			});

		// ended, it is no longer extended
		assertThat(this.api.post("/api/v1/mitigations/" + id + "/end", "{\"reason\": \"Done.\"}", reviewer).status())
			.isEqualTo(200);
		assertThat(this.api.post(extend, "{\"expires_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}", reviewer)
			.status()).isEqualTo(409);
	}

	@Test
	void aMitigationWithoutExpiryGetsAReviewDate() {
		String host = "blog." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, Duration.ofDays(30)));

		// no expiry, no review date in the plan: 90 days after it took effect
		Mitigations.Mitigation unplanned = this.mitigations.ofCase(phishingCase).get(0);
		assertThat(unplanned.expiresAt()).isNull();
		assertThat(unplanned.reviewAt()).isEqualTo(unplanned.effectiveAt().plus(Duration.ofDays(90)));
		// the plan's review_after wins
		Mitigations.Mitigation planned = this.mitigations.ofCase(orderCase).get(0);
		assertThat(planned.reviewAt()).isEqualTo(planned.effectiveAt().plus(Duration.ofDays(30)));
		assertThat(latest(cursor, phishingCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("active"));
	}

	@Test
	void aMitigationWhoseReviewIsDueReturnsItsCaseToTheQueue() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		Mitigations.Mitigation mitigation = this.mitigations.ofCase(phishingCase).get(0);
		long legalBlock = this.mitigations.ofCase(orderCase).get(0).id();
		assertThat(caseStatus(phishingCase)).isEqualTo("actioned");
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String review = "/api/v1/mitigations/" + mitigation.id() + "/review";

		// staff set the review date: in the future, with a reason
		Api.Response past = this.api.post(review, "{\"review_at\": \"2020-01-01T00:00:00Z\"}", reviewer);
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.json().get("errors"))
			.extracting((e) -> e.get("field").asString() + " " + e.get("code").asString())
			.containsExactly("reason required", "review_at not_in_future");
		assertThat(this.api
			.post("/api/v1/mitigations/" + legalBlock + "/review",
					"{\"review_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}", reviewer)
			.status()).isEqualTo(403);
		Instant soon = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Api.Response scheduled = this.api.post(review,
				"{\"review_at\": \"" + soon + "\", \"reason\": \"Check whether the kit is back.\"}", reviewer);
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
		assertThat(Instant.parse(scheduled.json().get("review_at").asString())).isEqualTo(soon);
		assertThat(this.audit.entries("case:" + phishingCase))
			.filteredOn((e) -> e.action().equals("mitigation.review_scheduled"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
				assertThat(e.details()).contains("\"reason\":\"Check whether the kit is back.\"")
					.contains("\"review_at_before\":\"" + mitigation.reviewAt() + "\"")
					.contains("\"review_at\":\"" + soon + "\"");
			});
		// not due yet
		this.mitigations.queueDueReviews(Instant.now(), 100);
		assertThat(reviewDue()).doesNotContain(mitigation.id());
		assertThat(reviewDueEntries(phishingCase)).isEmpty();

		// the hour passes: the job puts the case back in the queue, once
		drainDueReviews(soon.plusSeconds(1));
		drainDueReviews(soon.plusSeconds(2));
		assertThat(reviewDueEntries(phishingCase)).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo("system");
			assertThat(e.details()).contains("\"mitigation_id\":" + mitigation.id())
				.contains("\"review_at\":\"" + soon + "\"");
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> caseStatus(phishingCase).equals("in_review"));
		assertThat(this.audit.entries("case:" + phishingCase)).filteredOn((e) -> e.action().equals("case.review_due"))
			.singleElement()
			.satisfies((e) -> assertThat(e.details()).contains("\"requeued\":true"));
		// the mitigation stays in force until staff decide
		assertThat(this.mitigations.ofCase(phishingCase).get(0).status()).isEqualTo("active");
	}

	@Test
	void staffListTheMitigationsWhoseReviewIsDue() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, null, null));
		long id = this.mitigations.ofCase(phishingCase).get(0).id();
		assertThat(reviewDue()).doesNotContain(id);
		// a review date that has passed (the API takes future dates only)
		this.jdbc.sql("update mitigation set review_at = now() - interval '1 minute' where id = :id")
			.param("id", id)
			.update();
		assertThat(reviewDue()).contains(id);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", staffToken("agent", Role.AGENT)).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", this.edge).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", null).status()).isEqualTo(401);
		Api.Response invalid = this.api.get("/api/v1/mitigations?review_due=maybe", this.admin);
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("review_due");
		assertThat(invalid.json().at("/errors/0/code").asString()).isEqualTo("invalid");
	}

	private List<Long> reviewDue() {
		Api.Response listed = this.api.get("/api/v1/mitigations?review_due=true",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		return listed.json().get("mitigations").valueStream().map((m) -> m.get("id").asLong()).toList();
	}

	/** How many webhooks of {@code event} were queued for the mitigation. */
	private int webhooksOf(long mitigationId, String event) {
		return this.jdbc.sql("""
				select count(*) from outbox_message
				where channel = 'webhook' and idempotency_key like :key and subject = :event""")
			.param("key", "mitigation:" + mitigationId + ":change:%")
			.param("event", event)
			.query(Integer.class)
			.single();
	}

	private void drainDueReviews(Instant now) {
		while (this.mitigations.queueDueReviews(now, 100) == 100) {
			// more due
		}
	}

	private List<AuditLog.Entry> reviewDueEntries(long caseId) {
		return this.audit.entries("case:" + caseId)
			.stream()
			.filter((e) -> e.action().equals("mitigation.review_due"))
			.toList();
	}

}
