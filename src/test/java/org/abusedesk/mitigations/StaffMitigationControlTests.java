package org.abusedesk.mitigations;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.access.Role;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "Staff cannot lift, end or extend a mitigation; review_at is stored but
 * nothing acts on it; mitigations without an expiry never end": staff end, extend and
 * reschedule the review of a mitigation over HTTP, a review date that passes puts the
 * case back in the queue, and every mitigation without an expiry has a review date.
 */
class StaffMitigationControlTests extends EdgeDeskTest {

	@Test
	void staffEndsAMitigationAndTheEdgeFeedDropsIt() {
		Enforced enforced = interstitialAndLegalBlock();

		// a legal block is ended by legal, a senior or an admin only
		assertStaffTakesOff(enforced, "end", "{\"reason\": \"  \"}", "The campaign is over; ending it.",
				staffToken("senior", Role.SENIOR));
		assertThat(webhooksOf(enforced.interstitialId(), "mitigation.ended")).isEqualTo(1);
		AuditLog.Entry endedEntry = auditEntryOf(enforced.phishingCase(), "mitigation.ended");
		assertThat(endedEntry.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
		assertThat(endedEntry.details()).contains("\"reason\":\"The campaign is over; ending it.\"")
			.contains("\"previous_status\":\"active\"")
			.contains("\"status\":\"removed\"");
	}

	@Test
	void staffExtendsAMitigationsExpiry() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/login.php"));
		actNow(phishingCase, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
				List.of(), Duration.ZERO, Duration.ofDays(7), null));
		JsonNode before = latest(phishingCase).get(0);
		long id = before.get("id").asLong();
		Instant expires = Instant.parse(before.get("expires_at").asString());
		// one that expires needs no review date
		assertThat(this.mitigations.ofCase(phishingCase).get(0).reviewAt()).isNull();
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String extend = "/api/v1/mitigations/" + id + "/extend";

		Api.Response nothing = this.api.post(extend, "{}", reviewer);
		assertThat(nothing.status()).isEqualTo(422);
		assertThat(nothing.errors()).containsExactly("reason required", "expires_at required");
		Api.Response notATime = this.api.post(extend, "{\"expires_at\": \"next week\", \"reason\": \"x\"}", reviewer);
		assertThat(notATime.status()).isEqualTo(422);
		assertThat(notATime.errors()).startsWith("expires_at not_a_time");
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
		assertThat(latest(phishingCase)).singleElement().satisfies((m) -> {
			assertThat(m.get("status").asString()).isEqualTo("active");
			assertThat(Instant.parse(m.get("expires_at").asString())).isEqualTo(later);
			assertThat(m.get("change_seq").asLong()).isGreaterThan(before.get("change_seq").asLong());
		});
		assertThat(webhooksOf(id, "mitigation.extended")).isEqualTo(1);
		AuditLog.Entry extendedEntry = auditEntryOf(phishingCase, "mitigation.extended");
		assertThat(extendedEntry.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
		assertThat(extendedEntry.details()).contains("\"reason\":\"The kit came back twice.\"")
			.contains("\"expires_at_before\":\"" + expires + "\"")
			.contains("\"expires_at\":\"" + later + "\"");

		// ended, it is no longer extended
		assertThat(this.api.post("/api/v1/mitigations/" + id + "/end", "{\"reason\": \"Done.\"}", reviewer).status())
			.isEqualTo(200);
		assertThat(this.api.post(extend, "{\"expires_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}", reviewer)
			.status()).isEqualTo(409);
	}

	@Test
	void aMitigationWithoutExpiryGetsAReviewDate() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndActNow("phishing", phishing(host, "/login.php"),
				MitigationType.PHISHING_INTERSTITIAL);
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
		assertThat(latest(phishingCase)).singleElement()
			.satisfies((m) -> assertThat(m.get("status").asString()).isEqualTo("active"));
	}

	@Test
	void aMitigationWhoseReviewIsDueReturnsItsCaseToTheQueue() {
		Enforced enforced = interstitialAndLegalBlock();
		long phishingCase = enforced.phishingCase();
		Mitigations.Mitigation mitigation = this.mitigations.ofCase(phishingCase).get(0);
		long legalBlock = this.mitigations.ofCase(enforced.orderCase()).get(0).id();
		assertThat(caseStatus(phishingCase)).isEqualTo("actioned");
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String review = "/api/v1/mitigations/" + mitigation.id() + "/review";

		// staff set the review date: in the future, with a reason
		Api.Response past = this.api.post(review, "{\"review_at\": \"2020-01-01T00:00:00Z\"}", reviewer);
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.errors()).containsExactly("reason required", "review_at not_in_future");
		assertThat(this.api
			.post("/api/v1/mitigations/" + legalBlock + "/review",
					"{\"review_at\": \"2099-01-01T00:00:00Z\", \"reason\": \"x\"}", reviewer)
			.status()).isEqualTo(403);
		Instant soon = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Api.Response scheduled = this.api.post(review,
				"{\"review_at\": \"" + soon + "\", \"reason\": \"Check whether the kit is back.\"}", reviewer);
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
		assertThat(Instant.parse(scheduled.json().get("review_at").asString())).isEqualTo(soon);
		AuditLog.Entry rescheduled = auditEntryOf(phishingCase, "mitigation.review_scheduled");
		assertThat(rescheduled.actor()).isEqualTo("staff:reviewer-" + this.catalog.id());
		assertThat(rescheduled.details()).contains("\"reason\":\"Check whether the kit is back.\"")
			.contains("\"review_at_before\":\"" + mitigation.reviewAt() + "\"")
			.contains("\"review_at\":\"" + soon + "\"");
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
		assertThat(auditEntryOf(phishingCase, "case.review_due").details()).contains("\"requeued\":true");
		// the mitigation stays in force until staff decide
		assertThat(this.mitigations.ofCase(phishingCase).get(0).status()).isEqualTo(MitigationStatus.ACTIVE);
	}

	@Test
	void staffListTheMitigationsWhoseReviewIsDue() {
		long phishingCase = fileAndActNow("phishing", phishing("blog." + this.catalog.hostedZone(), "/login.php"),
				MitigationType.PHISHING_INTERSTITIAL);
		long id = this.mitigations.ofCase(phishingCase).get(0).id();
		assertThat(reviewDue()).doesNotContain(id);
		// a review date that has passed (the API takes future dates only)
		this.jdbc.sql("update mitigation set review_at = now() - interval '1 minute' where id = ?").params(id).update();
		assertThat(reviewDue()).contains(id);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", staffToken("agent", Role.AGENT)).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", this.edge).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/mitigations?review_due=true", null).status()).isEqualTo(401);
		Api.Response invalid = this.api.get("/api/v1/mitigations?review_due=maybe", this.admin);
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.errors()).startsWith("review_due invalid");
	}

	private List<Long> reviewDue() {
		Api.Response listed = this.api.get("/api/v1/mitigations?review_due=true",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		return listed.json().get("mitigations").valueStream().map((m) -> m.get("id").asLong()).toList();
	}

	/** How many webhooks of {@code event} were queued for the mitigation. */
	private int webhooksOf(long mitigationId, String event) {
		return queryOne(Integer.class, """
				select count(*) from outbox_message
				where channel = 'webhook' and idempotency_key like ? and subject = ?""",
				"mitigation:" + mitigationId + ":change:%", event);
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
