package org.abusedesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's walk-through, step by step, over HTTP as the README shows it: a phishing
 * report about a proxied site is forwarded, a reviewer confirms the phishing, a second
 * reviewer accepts the plan in the console, the edge serves the interstitial, the owner
 * cleans up and asks for a review, and staff lift the interstitial. Every message each
 * side received is asserted here and written to {@code target/readme-walk-through.txt},
 * where the README's quotes come from.
 */
class ReadmeWalkThroughTests extends EdgeDeskTest {

	private static final String PASSWORD = "a long walk-through password";

	@Autowired
	private StaffAccounts accounts;

	private final StringBuilder transcript = new StringBuilder();

	@Test
	void phishingOnAProxiedSiteIsForwardedConfirmedInterstitialisedAndLifted() throws IOException {
		String host = "login." + this.catalog.proxiedZone();
		String reporter = this.catalog.reporter();

		// 1. the report, anonymous: the host gets the reporter's contact, the owner not
		Api.Response filed = this.api.post("/api/v1/reports/phishing", """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://%2$s/bank/", "https://%2$s/bank/verify.php"],
				 "justification": "A copy of Example Bank's login page that collects passwords.",
				 "targeted_brand": "Example Bank",
				 "notify": {"host": "send", "owner": "send-anon"},
				 "good_faith": true}""".formatted(reporter, host), null);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		step("1. filed", filed.body());
		long reportId = filed.json().get("id").asLong();
		String code = filed.json().get("tracking_code").asString();
		String status = "/api/v1/reports/status/" + code + "?secret=" + filed.json().get("status_secret").asString();
		long caseId = caseOf(reportId);
		assertThat(rules(reportId)).containsExactly("proxy.forward");
		assertThat(caseStatus(caseId)).isEqualTo("forwarded");

		// what each side received: the host, the owner, the reporter (receipt and
		// decision)
		Map<String, String> first = messages(reportId, 0);
		assertThat(first).containsOnlyKeys("notify_reporter We received your report " + code,
				"forward_to_host Abuse report " + code + " (phishing) about " + host,
				"notify_owner Abuse report " + code + " (phishing) about " + host,
				"notify_reporter Your report " + code + " about " + host);
		assertThat(first.get("forward_to_host Abuse report " + code + " (phishing) about " + host))
			.contains("We provide a pass-through security and performance service (proxy/CDN) for " + host
					+ ". We do not host its content: it is served from the origin address 203.0.113.77")
			.contains("Targeted brand: Example Bank")
			.contains("Reported by: Rita Reporter <" + reporter + ">");
		assertThat(first.get("notify_owner Abuse report " + code + " (phishing) about " + host))
			.contains("We have taken no action against your site; please review the report.")
			.contains("It was also forwarded to your hosting provider, Origin Hosting " + this.catalog.id() + ".")
			.contains("The reporter asked us not to share their identity or contact details with you.")
			.doesNotContain(reporter);
		assertThat(first.get("notify_reporter Your report " + code + " about " + host))
			.contains("We forwarded your report to them with your contact details.")
			.contains("We also forwarded it to the site's owner without your contact details.")
			.doesNotContain("203.0.113.77");
		long seen = lastMessageId();

		// 2. a reviewer confirms the phishing, saying what was checked
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		Api.Response confirmed = this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"""
						{"fact": "phishing_confirmed",
						 "checked": "Opened both URLs in a sandbox: a copy of Example Bank's login form posting to a third party."}""",
				reviewer);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		step("2. confirmed", confirmed.body());
		assertThat(rules(reportId)).containsExactly("proxy.forward", "proxy.phishing_confirmed");
		Api.Response proposed = this.api.get("/api/v1/cases/" + caseId + "?history_limit=3", reviewer);
		step("2. the case after the confirmation", proposed.body());

		// 3. another reviewer accepts the plan in the console (no API endpoint for it)
		String second = "reviewer2-" + this.catalog.id();
		this.accounts.create(second, Role.REVIEWER, PASSWORD);
		ConsoleSession console = new ConsoleSession(this.port).signIn(second, PASSWORD);
		long cursor = changeCursor();
		Api.Response accepted = console.post("/console/cases/" + caseId + "/accept", Map.of());
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(caseStatus(caseId)).isEqualTo("actioned");

		// 4. the edge reads the interstitial, on exactly the reported URLs
		List<JsonNode> fed = latest(cursor, caseId);
		step("4. the edge feed", fed.toString());
		assertThat(fed).extracting(
				(m) -> m.get("type").asString() + " " + m.get("target").asString() + " " + m.get("status").asString())
			.containsExactlyInAnyOrder("phishing_interstitial https://" + host + "/bank/* active",
					"phishing_interstitial https://" + host + "/bank/verify.php active");
		assertThat(fed).allSatisfy((m) -> assertThat(m.get("interstitial_path").asString())
			.isEqualTo("/interstitial/" + m.get("id").asLong()));
		long interstitial = fed.stream()
			.filter((m) -> m.get("target").asString().endsWith("/bank/*"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Api.Response page = this.api.get("/interstitial/" + interstitial, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Warning: this site was reported as phishing")
			.contains("The page you tried to open, <strong>https://" + host
					+ "/bank/ and every page under it</strong>, was reported to us as")
			.contains("We checked the report and confirmed it.")
			.contains("Do not enter passwords, card numbers or personal details on this site.");
		step("4. the interstitial page", page.body());
		Map<String, String> afterAccept = messages(reportId, seen);
		step("4. messages queued when the interstitial took effect", afterAccept.toString());
		// the owner (the proxy customer) is told once, for both pages, what took effect
		String effective = body(
				awaitMessageTo(this.catalog.owner(), "Action taken on your content (case " + caseId + ")"));
		assertThat(effective).contains("a warning page in front of the pages")
			.contains("- https://" + host + "/bank/ and every page under it")
			.contains("- https://" + host + "/bank/verify.php")
			.contains("How to fix or contest it");
		step("4. the owner's notice", effective);
		seen = lastMessageId();

		// 5. the owner cleaned up and asks for a review: the interstitial stays meanwhile
		Api.Response token = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"proxy-" + this.catalog.id() + "\", \"label\": \"owner\"}", this.admin);
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		String customer = token.json().get("token").asString();
		Api.Response mine = this.api.get("/api/v1/customer/mitigations", customer);
		step("5. the owner's view", mine.body());
		for (JsonNode mitigation : fed) {
			Api.Response review = this.api.post(
					"/api/v1/customer/mitigations/" + mitigation.get("id").asLong() + "/review",
					"{\"reason\": \"removed\", \"comment\": \"We deleted the phishing kit and changed our passwords.\"}",
					customer);
			assertThat(review.status()).as(review.body()).isEqualTo(200);
			assertThat(review.json().get("status").asString()).isEqualTo("active");
			step("5. review requested", review.body());
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> caseStatus(caseId).equals("in_review"));
		assertThat(this.api.get("/interstitial/" + interstitial, null).status()).isEqualTo(200);

		// 6. staff check and lift both
		for (JsonNode mitigation : fed) {
			Api.Response lifted = this.api.post("/api/v1/mitigations/" + mitigation.get("id").asLong() + "/lift",
					"{\"reason\": \"Checked: the kit is gone and the pages answer 404.\"}", reviewer);
			assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
			assertThat(lifted.json().get("status").asString()).isEqualTo("removed");
			step("6. lifted", lifted.body());
		}
		assertThat(latest(cursor, caseId)).extracting((m) -> m.get("status").asString())
			.containsExactly("removed", "removed");
		assertThat(this.api.get("/interstitial/" + interstitial, null).status()).isEqualTo(404);
		step("6. messages queued since the interstitial took effect", messages(reportId, seen).toString());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messagesTo(this.catalog.owner(), "Action lifted (case " + caseId + ")").size() == 2);
		step("6. the owner's notices",
				messagesTo(this.catalog.owner(), "Action lifted (case " + caseId + ")").stream()
					.map(ReadmeWalkThroughTests::body)
					.toList()
					.toString());

		// the reporter's status page lists what they were sent
		JsonNode view = this.api.get(status, null).json();
		step("7. the reporter's status page", view.toString());
		assertThat(view.get("status").asString()).isEqualTo("accepted");
		assertThat(view.get("messages").valueStream().map((m) -> m.get("subject").asString()))
			.contains("We received your report " + code, "Your report " + code + " about " + host);
		step("all messages", messages(reportId, 0).toString());
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "readme-walk-through.txt"), this.transcript);
	}

	private void step(String title, String text) {
		this.transcript.append("==== ").append(title).append("\n").append(text).append("\n\n");
	}

	private List<String> rules(long reportId) {
		return this.jdbc.sql("select rule from decision where report_id = :id order by id")
			.param("id", reportId)
			.query(String.class)
			.list();
	}

	private long lastMessageId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from outbox_message").query(Long.class).single();
	}

	/**
	 * The messages of the report's case after {@code afterId}: "kind subject" to body.
	 */
	private Map<String, String> messages(long reportId, long afterId) {
		Map<String, String> messages = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select kind, recipient, subject, body from outbox_message
				where (report_id = :id or case_id = (select case_id from case_report where report_id = :id))
				  and id > :after order by id""")
			.param("id", reportId)
			.param("after", afterId)
			.query((rs, n) -> messages.put(rs.getString("kind") + " " + rs.getString("subject"),
					"To: " + rs.getString("recipient") + "\n" + rs.getString("body")))
			.list();
		return messages;
	}

}
