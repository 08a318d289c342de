package org.abusedesk.mailbox;

import org.abusedesk.DeskTest;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.access.Role;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to the messages abusedesk sent land in the case they belong to, not in new
 * reports; machines' answers and our own messages never start a loop (issue 18).
 */
class MailReplyTests extends DeskTest {

	@Autowired
	private MailIntake mailbox;

	@Test
	void aReplyFromTheHostLandsInTheCasesTimeline() throws Exception {
		String host = "www." + this.catalog.proxiedZone();
		Forwarded forwarded = forwardedToTheOriginHost(host);
		long caseId = forwarded.caseId();

		MailOutcome outcome = this.mailbox
			.receive(replyOfTheOriginHost(forwarded.message(), "reply-" + this.catalog.id(), host), "test", null);

		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("threaded");
		assertThat(outcome.reason()).isEqualTo("case:" + caseId);
		assertThat(outcome.reports()).isEmpty();
		assertThat(queryOne(Integer.class, "select count(*) from report where source = ?",
				"mail_message:" + outcome.messageId()))
			.isZero();

		String agent = staffToken("agent", Role.AGENT);
		JsonNode shown = this.api.get("/api/v1/cases/" + caseId, agent).json();
		JsonNode entry = null;
		for (JsonNode item : shown.get("history")) {
			if (item.get("action").asString().equals("correspondence.received")) {
				entry = item;
			}
		}
		assertThat(entry).as(shown.get("history").toString()).isNotNull();
		assertThat(entry.toString()).contains("host").contains(this.catalog.originHost()).contains("reply");

		JsonNode correspondence = this.api.get("/api/v1/cases/" + caseId + "/correspondence", agent).json();
		assertThat(correspondence.get("messages")).singleElement().satisfies((message) -> {
			assertThat(message.get("party").asString()).isEqualTo("host");
			assertThat(message.get("kind").asString()).isEqualTo("reply");
			assertThat(message.get("body").asString()).contains("We have suspended the customer's site");
			assertThat(message.get("report_id").asLong()).isEqualTo(forwarded.reportId());
		});
		// nobody is sent a receipt for an answer
		assertThat(messagesTo(this.catalog.originHost(), "Your report")).isEmpty();
	}

	@Test
	void theCorrespondenceOfACaseThatDoesNotExistIsNotFoundInsteadOfAnEmptyList() {
		Api.Response missing = this.api.get("/api/v1/cases/999999999/correspondence", this.admin);
		assertThat(missing.status()).as(missing.body()).isEqualTo(404);
		// a case nobody wrote back on is there, with no messages
		long caseId = fileAndAwaitCase("phishing",
				this.catalog.report("www." + this.catalog.proxiedZone(), "send", "send"));
		Api.Response none = this.api.get("/api/v1/cases/" + caseId + "/correspondence", this.admin);
		assertThat(none.status()).as(none.body()).isEqualTo(200);
		assertThat(none.json().get("messages").size()).isZero();
	}

	@Test
	void anOutOfOfficeAndABounceAreThreadedOrIgnoredAndNeverAnswered() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		Forwarded filed = forwardedToTheOriginHost(host);
		long caseId = filed.caseId();
		MimeMessage forwarded = filed.message();
		String outOfOffice = """
				From: %s
				Subject: Automatic reply: %s
				Auto-Submitted: auto-replied
				In-Reply-To: %s

				I am away until Monday. See https://%s/login.php for nothing.
				""".formatted(this.catalog.originHost(), forwarded.getSubject(), forwarded.getMessageID(), host);
		String strayBounce = """
				From: MAILER-DAEMON@mx.elsewhere-%s.example
				Subject: Undelivered Mail Returned to Sender
				Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

				--dsn
				Content-Type: text/plain

				Your message about https://%s/login.php could not be delivered.
				--dsn
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.elsewhere.example
				Final-Recipient: rfc822; nobody@elsewhere.example
				Action: failed
				Status: 5.1.1
				--dsn--
				""".formatted(this.catalog.id(), host);
		byte[] ours = forwarded.getInputStream().readAllBytes();
		java.io.ByteArrayOutputStream echoed = new java.io.ByteArrayOutputStream();
		forwarded.writeTo(echoed);

		MailOutcome away = this.mailbox.receive(outOfOffice.getBytes(StandardCharsets.UTF_8), "test", null);
		MailOutcome bounce = this.mailbox.receive(strayBounce.getBytes(StandardCharsets.UTF_8), "test", null);
		MailOutcome loop = this.mailbox.receive(echoed.toByteArray(), "test", null);

		assertThat(away.status()).isEqualTo("threaded");
		assertThat(away.reason()).isEqualTo("case:" + caseId);
		assertThat(bounce.status()).isEqualTo("ignored");
		assertThat(loop.status()).isEqualTo("ignored");
		assertThat(loop.reason()).contains("our own message");
		assertThat(ours).isNotEmpty();
		JsonNode correspondence = this.api.get("/api/v1/cases/" + caseId + "/correspondence", this.admin).json();
		assertThat(correspondence.get("messages").findValuesAsString("kind")).containsExactly("auto_reply");
	}

}
