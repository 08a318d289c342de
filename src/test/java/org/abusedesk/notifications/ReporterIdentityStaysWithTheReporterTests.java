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
		long reportId = reportId(outcome.reports().get(0).trackingCode());
		assertWithheldFromEveryoneButTheReporter(reportId);
		assertThat(justification(reportId)).contains("https://" + host + "/login.php")
			.contains("is a phishing page copying my bank");
	}

	@Test
	void apiReportWithAnonymousChoicesNamesTheReporterToNobody() {
		String host = "shop." + this.catalog.proxiedZone();
		Api.Response created = this.api.post("/api/v1/reports/phishing",
				this.catalog.report(host, "send-anon", "send-anon"), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		assertWithheldFromEveryoneButTheReporter(created.json().get("id").asLong());
	}

	@Test
	void batchReportWithAnonymousChoicesNamesTheReporterToNobody() {
		String admin = this.tokens.issue("batch-admin-" + this.catalog.id(), Role.ADMIN, "test", null);
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "identity %s", "reporter_kind": "organisation", "name": "%s",
				 "email": "%s", "organisation": "Flaggers e.V."}""".formatted(this.catalog.id(), NAME,
				this.catalog.reporter()), admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String host = "shop." + this.catalog.proxiedZone();
		Api.Response batch = this.api.post("/api/v1/reports:batch", """
				{"reports": [{"type": "phishing", "report": {
				  "urls": ["https://%s/batch.php"], "justification": "A fake bank login page.",
				  "notify": {"host": "send-anon", "owner": "send-anon"}, "good_faith": true}}]}""".formatted(host),
				issued.json().get("token").asString());

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
		long reportId = this.jdbc.sql("select id from report where reporter_email = :email")
			.param("email", this.catalog.reporter())
			.query(Long.class)
			.single();
		assertWithheldFromEveryoneButTheReporter(reportId);
	}

	/**
	 * Every message queued for the report to someone other than the reporter, and the
	 * case as every role below senior sees it, carries neither the reporter's address nor
	 * their name.
	 */
	private void assertWithheldFromEveryoneButTheReporter(long reportId) {
		await().atMost(Duration.ofSeconds(30)).until(() -> kinds(reportId).contains("forward_to_host"));
		assertThat(kinds(reportId)).contains("forward_to_host", "notify_owner");
		List<String> outgoing = this.jdbc.sql(
				"select subject || E'\\n' || body from outbox_message where report_id = :id and lower(recipient) <> :reporter")
			.param("id", reportId)
			.param("reporter", this.catalog.reporter())
			.query(String.class)
			.list();
		assertThat(outgoing).isNotEmpty()
			.allSatisfy(
					(message) -> assertThat(message.toLowerCase(Locale.ROOT)).doesNotContain(this.catalog.reporter())
						.doesNotContain(NAME.toLowerCase(Locale.ROOT)));

		long caseId = this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
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

	private List<String> kinds(long reportId) {
		return this.jdbc.sql("select kind from outbox_message where report_id = :id")
			.param("id", reportId)
			.query(String.class)
			.list();
	}

	private long reportId(String trackingCode) {
		return this.jdbc.sql("select id from report where tracking_code = :code")
			.param("code", trackingCode)
			.query(Long.class)
			.single();
	}

	private String justification(long reportId) {
		return this.jdbc.sql("select justification from report where id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

}
