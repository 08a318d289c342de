package org.abusedesk.console;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, the appeal queue in the console: open appeals and counter-notices with their
 * due times, the one due first first, each linked to its case; an appeal is decided from
 * the page by a person who took no part in the decision, never by one who did.
 */
class AppealQueuePageTests extends EdgeDeskTest {

	private static final String PASSWORD = "a long test password";

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private StaffAccounts accounts;

	@Test
	void theAppealQueueShowsAppealsAndCounterNoticesDueFirstAndDecidesAnAppeal() {
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
		// a counter-notice (restored in 10 business days) and an appeal (due in 7 days)
		String media = "queue-media." + this.catalog.hostedZone();
		Api.Response dmca = this.api.post("/api/v1/reports/dmca", dmca(media, "/song.mp3"), null);
		assertThat(dmca.status()).as(dmca.body()).isEqualTo(201);
		long dmcaCase = caseOf(dmca.json().get("id").asLong());
		long disabled = disableNow(dmcaCase).get(0);
		Api.Response counter = this.api.post("/api/v1/customer/mitigations/" + disabled + "/counter-notice", """
				{"signature": "Carla Customer", "material": "The song demo.mp3, which I recorded myself.",
				 "location": "https://%s/song.mp3", "statement_under_penalty_of_perjury": true,
				 "name": "Carla Customer", "address": "1 Main Street, Springfield, IL 62701, USA",
				 "phone": "+1 217 555 0100", "consent_to_jurisdiction": true}""".formatted(media), customer);
		assertThat(counter.status()).as(counter.body()).isEqualTo(201);
		long counterNotice = counter.json().get("id").asLong();

		String shop = "queue-shop." + this.catalog.hostedZone();
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing(shop, "/login.php"));
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		long mitigation = latest(cursor, caseId).get(0).get("id").asLong();
		Api.Response appealed = this.api.post("/api/v1/customer/mitigations/" + mitigation + "/appeal",
				"{\"reason\": \"misclassified\", \"statement\": \"This is the login page of our own bank.\"}",
				customer);
		assertThat(appealed.status()).as(appealed.body()).isEqualTo(201);
		long appeal = appealed.json().get("id").asLong();
		String due = appealed.json().get("due_at").asString();

		ConsoleSession agent = session("queue-agent", Role.AGENT);
		Api.Response page = agent.get("/console/appeals");
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("id=\"appeal-" + appeal + "\"")
			.contains("id=\"counter_notice-" + counterNotice + "\"")
			.contains("href=\"/console/cases/" + caseId + "\"")
			.contains("href=\"/console/cases/" + dmcaCase + "\"")
			.contains("This is the login page of our own bank.")
			.contains("The song demo.mp3, which I recorded myself.")
			.contains("mitigation:" + mitigation)
			.contains(due)
			.contains("(restoration)");
		// the appeal, due in 7 days, before the counter-notice, restored in 10 business
		// days
		assertThat(html.indexOf("id=\"appeal-" + appeal + "\""))
			.isLessThan(html.indexOf("id=\"counter_notice-" + counterNotice + "\""));
		// an agent decides nothing
		Map<String, String> reversed = Map.of("outcome", "reversed", "reason", "It is the customer's own bank.");
		assertThat(agent.post("/console/appeals/" + appeal + "/decision", reversed).status()).isEqualTo(403);

		// nor does the reviewer who proposed the mitigation
		ConsoleSession proposer = session("proposer", Role.REVIEWER);
		assertThat(proposer.post("/console/appeals/" + appeal + "/decision", reversed).status()).isEqualTo(403);

		ConsoleSession judge = session("queue-judge", Role.REVIEWER);
		Api.Response noReason = judge.post("/console/appeals/" + appeal + "/decision", Map.of("outcome", "reversed"));
		assertThat(noReason.status()).isEqualTo(302);
		assertThat(judge.get("/console/appeals").body()).contains("id=\"error\"").contains("Appeal " + appeal + ":");
		Api.Response decided = judge.post("/console/appeals/" + appeal + "/decision", reversed);
		assertThat(decided.status()).isEqualTo(302);
		assertThat(decided.headers().firstValue("Location").orElse("")).endsWith("/console/appeals");
		String after = judge.get("/console/appeals").body();
		assertThat(after).contains("Appeal " + appeal + " decided: reversed.")
			.doesNotContain("id=\"appeal-" + appeal + "\"")
			.contains("id=\"counter_notice-" + counterNotice + "\"");
		assertThat(latest(cursor, caseId).get(0).get("status").asString()).isEqualTo("removed");
		assertThat(this.api.get("/api/v1/appeals/" + appeal, this.admin).json().get("decided_by").asString())
			.isEqualTo("queue-judge-" + this.catalog.id());
	}

	private ConsoleSession session(String name, Role role) {
		String user = name + "-" + this.catalog.id();
		this.accounts.create(user, role, PASSWORD);
		return new ConsoleSession(this.port).signIn(user, PASSWORD);
	}

}
