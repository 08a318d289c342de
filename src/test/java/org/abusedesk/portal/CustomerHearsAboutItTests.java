package org.abusedesk.portal;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "The customer (the site owner on hosting, the account on proxy) is never told
 * by email that a mitigation was proposed or took effect, when it takes effect, why, or
 * how to contest it": a hosted phishing page, decided by a reviewer, with the words the
 * customer receives at each step, once per step, and the same words in its view.
 */
class CustomerHearsAboutItTests extends EdgeDeskTest {

	@Test
	void customerIsToldWhenAMitigationIsProposedTakesEffectAndIsLifted() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAccept("phishing", phishing(host, "/phish/", "/login.php"));
		List<Mitigations.Mitigation> decided = this.mitigations.ofCase(caseId);
		assertThat(decided).hasSize(2).allSatisfy((m) -> assertThat(m.status()).isEqualTo(MitigationStatus.PENDING));

		// proposed: one message for the two pages, with what, where, when, why and how
		MimeMessage proposed = awaitMessageTo(this.catalog.hoster(), "Action planned on your content from ");
		String words = body(proposed);
		assertThat(subject(proposed)).endsWith("(case " + caseId + ")");
		assertThat(words).contains("the content disabled")
			.contains("It takes effect on ")
			.contains("unless the problem is fixed before then")
			.contains("- https://" + host + "/phish/ and every page under it")
			.contains("- https://" + host + "/login.php")
			.contains("The content at https://" + host + "/login.php is disabled because it was reported")
			.contains("ask for a review in your customer area at ")
			.contains("/customer")
			.contains(Long.toString(decided.get(0).id()))
			.doesNotContain("Rita")
			.doesNotContain(this.catalog.reporter());

		// the grace period ends: it takes effect, and the customer is told once
		assertThat(this.mitigations.activateDue(Instant.now().plus(Duration.ofHours(25)), 1000)).isGreaterThan(0);
		MimeMessage effective = awaitMessageTo(this.catalog.hoster(), "Action taken on your content (case " + caseId);
		assertThat(body(effective)).contains("took effect on ").contains("- https://" + host + "/phish/");
		this.mitigations.activateDue(Instant.now().plus(Duration.ofHours(26)), 1000);

		// the owner cleaned up; staff lift both: the customer hears of each
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		for (Mitigations.Mitigation mitigation : decided) {
			Api.Response lifted = this.api.post("/api/v1/mitigations/" + mitigation.id() + "/lift",
					"{\"reason\": \"The owner removed the page.\"}", reviewer);
			assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messagesTo(this.catalog.hoster(), "Action lifted (case " + caseId + ")").size() == 2);
		assertThat(messagesTo(this.catalog.hoster(), "Action lifted")).extracting(CustomerHearsAboutItTests::body)
			.anySatisfy((text) -> assertThat(text).contains("no longer applies")
				.contains("- https://" + host + "/login.php"));
		assertThat(messagesTo(this.catalog.hoster())).hasSize(4);

		// the same words in the customer's view, newest first
		String customer = customerToken("hosting-" + this.catalog.id());
		Api.Response notices = this.api.get("/api/v1/customer/notices", customer);
		assertThat(notices.status()).as(notices.body()).isEqualTo(200);
		JsonNode items = notices.json().get("items");
		assertThat(items).hasSize(4);
		assertThat(items.get(3).get("subject").asString()).startsWith("Action planned on your content from ");
		assertThat(items.get(3).get("body").asString()).isEqualToIgnoringWhitespace(words);
		assertThat(items).allSatisfy((n) -> assertThat(n.get("case_id").asLong()).isEqualTo(caseId));
		// another customer sees none of them
		String other = customerToken("proxy-" + this.catalog.id());
		assertThat(this.api.get("/api/v1/customer/notices", other).json().get("items")).isEmpty();
		assertThat(this.api.get("/api/v1/customer/notices", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/customer/notices?limit=0", customer).status()).isEqualTo(422);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
