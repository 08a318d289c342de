package org.abusedesk.notifications;

import org.abusedesk.DeskTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.abusedesk.Api;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.abusedesk.access.Role;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 2: a reporter who chose {@code send-anon} is not named to the host or
 * the owner, nor shown to roles that may not see reporters, whichever channel they used.
 * Email intake wrote the sender's address into the justification, which went verbatim to
 * both.
 */
class ReporterIdentityStaysWithTheReporterTests extends DeskTest {

	private static final String NAME = "Rita Reporter";

	@Autowired
	private MailIntake mail;

	@Test
	void emailIntakeLeaksTheReporterToTheReportedParty() {
		String host = "shop." + this.catalog.proxiedZone();
		byte[] raw = ("From: " + NAME + " <" + this.catalog.reporter() + ">\r\n" + "To: abuse@desk.example\r\n"
				+ "Subject: Phishing site on " + host + "\r\n" + "Message-ID: <" + this.catalog.id()
				+ "@reporter.example>\r\n" + "\r\n" + "Hello,\r\n\r\nhttps://" + host
				+ "/login.php is a phishing page copying my bank.\r\n\r\n" + "Regards,\r\n" + NAME + "\r\n"
				+ this.catalog.reporter().toUpperCase(Locale.ROOT) + "\r\n")
			.getBytes(StandardCharsets.UTF_8);

		MailOutcome outcome = this.mail.receive(raw, "smtp", this.catalog.reporter());

		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("accepted");
		long reportId = reportIdOf(outcome.reports().get(0).trackingCode());
		assertWithheldFromEveryoneButTheReporter(reportId);
		assertThat(justification(reportId)).contains("https://" + host + "/login.php")
			.contains("is a phishing page copying my bank");
	}

	@Test
	void apiReportWithAnonymousChoicesNamesTheReporterToNobody() {
		String host = "shop." + this.catalog.proxiedZone();
		JsonNode created = fileReport("phishing", this.catalog.report(host, "send-anon", "send-anon"));

		assertWithheldFromEveryoneButTheReporter(created.get("id").asLong());
	}

	@Test
	void batchReportWithAnonymousChoicesNamesTheReporterToNobody() {
		String token = reporterToken("identity", "organisation", NAME, this.catalog.reporter());
		String host = "shop." + this.catalog.proxiedZone();
		Api.Response batch = this.api.post("/api/v1/reports:batch", """
				{"reports": [{"type": "phishing", "report": {
				  "urls": ["https://%s/batch.php"], "justification": "A fake bank login page.",
				  "notify": {"host": "send-anon", "owner": "send-anon"}, "good_faith": true}}]}""".formatted(host),
				token);

		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		assertThat(batch.json().at("/results/0/status").asString()).as(batch.body()).isEqualTo("submitted");
		assertWithheldFromEveryoneButTheReporter(batch.json().at("/results/0/id").asLong());
	}

	@Test
	void webFormReportWithAnonymousChoicesNamesTheReporterToNobody() {
		String host = "shop." + this.catalog.proxiedZone();
		WebForm web = new WebForm(this.port);
		List<Part> parts = new ArrayList<>(
				List.of(Part.field("reporter_name", NAME), Part.field("reporter_email", this.catalog.reporter()),
						Part.field("email_confirm", this.catalog.reporter()), Part.field("reporter_kind", "individual"),
						Part.field("urls", "https://" + host + "/form.php"),
						Part.field("justification", "A fake bank login page."), Part.field("notify_host", "send-anon"),
						Part.field("notify_owner", "send-anon"), Part.field("good_faith", "true")));

		WebForm.Page page = web.submit("phishing", parts);

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		long reportId = queryOne(Long.class, "select id from report where reporter_email = ?", this.catalog.reporter());
		assertWithheldFromEveryoneButTheReporter(reportId);
	}

	/**
	 * Every message queued for the report to someone other than the reporter, and the
	 * case as every role below senior sees it, carries neither the reporter's address nor
	 * their name.
	 */
	private void assertWithheldFromEveryoneButTheReporter(long reportId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxKinds(reportId).contains("forward_to_host"));
		assertThat(outboxKinds(reportId)).contains("forward_to_host", "notify_owner");
		List<String> outgoing = queryList(String.class,
				"select subject || E'\\n' || body from outbox_message where report_id = ? and lower(recipient) <> ?",
				reportId, this.catalog.reporter());
		assertThat(outgoing).isNotEmpty()
			.allSatisfy(
					(message) -> assertThat(message.toLowerCase(Locale.ROOT)).doesNotContain(this.catalog.reporter())
						.doesNotContain(NAME.toLowerCase(Locale.ROOT)));

		long caseId = caseOf(reportId);
		for (Role role : List.of(Role.AGENT, Role.REVIEWER)) {
			String token = this.tokens.issue(role.wire() + "-" + this.catalog.id() + "-" + reportId, role, "test",
					null);
			Api.Response view = this.api.get("/api/v1/cases/" + caseId, token);
			assertThat(view.status()).as(view.body()).isEqualTo(200);
			assertThat(view.body().toLowerCase(Locale.ROOT)).as(role.wire())
				.doesNotContain(this.catalog.reporter())
				.doesNotContain(NAME.toLowerCase(Locale.ROOT));
		}
	}

	private String justification(long reportId) {
		return queryOne(String.class, "select justification from report where id = ?", reportId);
	}

}
