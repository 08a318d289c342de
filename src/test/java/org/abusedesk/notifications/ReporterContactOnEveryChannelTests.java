package org.abusedesk.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.WebForm;
import org.abusedesk.access.Role;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise: reporters choose per recipient whether their contact is passed on, and
 * that choice holds on every channel. A privacy audit of every place the customer (the
 * owner) or the origin's host can read or receive something about a report: the mail to
 * each of them (words, headers and attachments, at once or in a digest), the customer API
 * and pages, the notices after a mitigation and an appeal, the webhooks, the edge feed,
 * the interstitial, the statements of reasons and the transparency report, and what
 * follows a reply to a forwarded report. Where the reporter chose {@code send}, their
 * contact is there; where they chose {@code send-anon}, their name, address and
 * organisation are nowhere that recipient looks.
 */
class ReporterContactOnEveryChannelTests extends EdgeDeskTest {

	private static final String NAME = "Zebulon Quillfeather";

	private static final String ORGANISATION = "Quillfeather Forensics";

	@Autowired
	private MailIntake mail;

	@Test
	void proxiedCustomerWithTheContactWithheldFromTheOwnerSeesItNowhereThroughAppealAndDecision() throws Exception {
		long cursor = changeCursor();
		String host = "shop." + this.catalog.proxiedZone();
		JsonNode created = fileReport("phishing", report(host, "/login.php", "send", "send-anon"));
		long reportId = created.get("id").asLong();
		long caseId = caseOf(reportId);
		// the host was asked for the contact and has it; the owner does not
		MimeMessage forwarded = awaitMessageTo(this.catalog.originHost(), "Abuse report");
		assertThat(readable(forwarded)).contains(NAME).contains(reporter()).contains(ORGANISATION);

		Api.Response confirmed = confirm(caseId, "phishing_confirmed", "A copy of the bank's login form.",
				staffToken("reviewer", Role.REVIEWER));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		CaseStatus changed = this.work
			.change(caseId, reviewer("proposer"),
					List.of(new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN,
							List.of(), Duration.ZERO, null, null)),
					"Confirmed; act now.")
			.status();
		if (changed == CaseStatus.AWAITING_APPROVAL) {
			assertThat(this.work.answer(caseId, reviewer("approver"), true, "Agreed.").status())
				.isEqualTo(CaseStatus.ACTIONED);
		}
		long mitigationId = latest(caseId).get(0).get("id").asLong();
		String customer = customerToken("proxy-" + this.catalog.id());
		long appealId = appealAndUphold(mitigationId, customer);

		Map<String, String> seen = whatTheCustomerSees(customer, caseId, cursor, host, mitigationId);
		seen.putAll(mailTo(this.catalog.owner()));
		assertThat(seen).containsKeys("mail " + this.catalog.owner() + ": Abuse report",
				"mail " + this.catalog.owner() + ": Action taken on your content",
				"mail " + this.catalog.owner() + ": Your appeal " + appealId);
		assertNamesNobody(seen);
	}

	@Test
	void proxiedCustomerWithTheContactSentToTheOwnerButWithheldFromTheHost() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		long reportId = fileReport("phishing", report(host, "/pay.php", "send-anon", "send")).get("id").asLong();
		caseOf(reportId);
		MimeMessage owner = awaitMessageTo(this.catalog.owner(), "Abuse report");
		assertThat(readable(owner)).contains(NAME).contains(reporter()).contains(ORGANISATION);
		JsonNode reports = this.api.get("/api/v1/customer/reports", customerToken("proxy-" + this.catalog.id()))
			.json()
			.get("items");
		assertThat(reports).singleElement().satisfies((r) -> {
			assertThat(r.at("/reporter/name").asString()).isEqualTo(NAME);
			assertThat(r.at("/reporter/email").asString()).isEqualTo(reporter());
			assertThat(r.at("/reporter/organisation").asString()).isEqualTo(ORGANISATION);
		});

		awaitMessageTo(this.catalog.originHost(), "Abuse report");
		assertNamesNobody(mailTo(this.catalog.originHost()));
	}

	@Test
	void hostedCustomerReportedInABatchWithTheContactWithheldSeesItNowhere() throws Exception {
		long cursor = changeCursor();
		String host = "blog." + this.catalog.hostedZone();
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "quill %s", "reporter_kind": "organisation", "name": "%s", "email": "%s",
				 "organisation": "%s"}""".formatted(this.catalog.id(), NAME, reporter(), ORGANISATION), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		Api.Response batch = this.api.post("/api/v1/reports:batch", """
				{"reports": [{"type": "phishing", "report": {
				  "urls": ["https://%s/batch.php"], "justification": "A fake bank login page.",
				  "comments": "Seen by our analyst on a private feed.",
				  "notify": {"host": "send", "owner": "send-anon"}, "good_faith": true}}]}""".formatted(host),
				issued.json().get("token").asString());
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		long reportId = batch.json().at("/results/0/id").asLong();
		long caseId = caseOf(reportId);

		actNow(caseId, MitigationType.PHISHING_INTERSTITIAL);
		long mitigationId = latest(caseId).get(0).get("id").asLong();
		String customer = customerToken("hosting-" + this.catalog.id());
		appealAndUphold(mitigationId, customer);

		Map<String, String> seen = whatTheCustomerSees(customer, caseId, cursor, host, mitigationId);
		seen.putAll(mailTo(this.catalog.hoster()));
		assertThat(seen.get("customer reports")).contains("batch.php").doesNotContain("private feed");
		assertNamesNobody(seen);
	}

	@Test
	void hostedCustomerReportedByMailSeesTheReporterNowhere() throws Exception {
		long cursor = changeCursor();
		String host = "blog." + this.catalog.hostedZone();
		byte[] raw = ("From: " + NAME + " <" + reporter() + ">\r\n" + "To: abuse@desk.example\r\n"
				+ "Subject: Phishing on " + host + "\r\n" + "Message-ID: <" + this.catalog.id()
				+ "@quill-lab.example>\r\n\r\n" + "Hello,\r\n\r\nhttps://" + host
				+ "/mail.php imitates my bank's login page.\r\n\r\nRegards,\r\n" + NAME + "\r\n" + reporter() + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailOutcome outcome = this.mail.receive(raw, "smtp", reporter());
		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("accepted");
		long reportId = reportIdOf(outcome.reports().get(0).trackingCode());
		long caseId = caseOf(reportId);

		actNow(caseId, MitigationType.PHISHING_INTERSTITIAL);
		long mitigationId = latest(caseId).get(0).get("id").asLong();
		String customer = customerToken("hosting-" + this.catalog.id());
		appealAndUphold(mitigationId, customer);

		Map<String, String> seen = whatTheCustomerSees(customer, caseId, cursor, host, mitigationId);
		seen.putAll(mailTo(this.catalog.hoster()));
		assertThat(seen.get("customer reports")).contains("mail.php").contains("imitates my bank");
		assertNamesNobody(seen);
	}

	/**
	 * Mail clients that file people by surname send {@code "Quillfeather, Zebulon"}: the
	 * signature under the message says the name the other way round, and only the From
	 * header's spelling was withheld.
	 */
	@Test
	void aMailedReportSignedWithTheNameItsFromHeaderGivesSurnameFirstNamesTheReporterToTheOwner() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		byte[] raw = ("From: \"Quillfeather, Zebulon\" <" + reporter() + ">\r\n" + "To: abuse@desk.example\r\n"
				+ "Subject: Phishing on " + host + "\r\n" + "Message-ID: <surname-" + this.catalog.id()
				+ "@quill-lab.example>\r\n\r\n" + "Hello,\r\n\r\nhttps://" + host
				+ "/surname.php imitates my bank's login page.\r\n\r\nKind regards,\r\n" + NAME + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailOutcome outcome = this.mail.receive(raw, "smtp", reporter());
		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("accepted");
		long reportId = reportIdOf(outcome.reports().get(0).trackingCode());
		caseOf(reportId);
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxKinds(reportId).contains("notify_owner"));

		String toOwner = queryOne(String.class,
				"select subject || E'\\n' || body from outbox_message where report_id = ? and kind = 'notify_owner'",
				reportId);
		assertThat(toOwner).contains("imitates my bank").contains("Kind regards");
		assertNamesNobody(Map.of("mail to the owner", toOwner, "customer reports",
				this.api.get("/api/v1/customer/reports", customerToken("proxy-" + this.catalog.id())).body()));
	}

	@Test
	void theOwnerReplyingToTheForwardedReportLearnsNothingOfTheReporter() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		long reportId = fileReport("phishing", report(host, "/reply.php", "send-anon", "send-anon")).get("id").asLong();
		long caseId = caseOf(reportId);
		MimeMessage forwarded = awaitMessageTo(this.catalog.owner(), "Abuse report");
		byte[] reply = ("From: Proxy Customer <" + this.catalog.owner() + ">\r\nTo: abuse@abusedesk.invalid\r\n"
				+ "Subject: Re: " + forwarded.getSubject() + "\r\nMessage-ID: <reply-" + this.catalog.id()
				+ "@customer.example>\r\nIn-Reply-To: " + forwarded.getMessageID() + "\r\nReferences: "
				+ forwarded.getMessageID() + "\r\n\r\nWho reported this? We removed the page.\r\n")
			.getBytes(StandardCharsets.UTF_8);

		this.mail.receive(reply, "smtp", this.catalog.owner());

		await().atMost(Duration.ofSeconds(30))
			.until(() -> queryOne(Integer.class, "select count(*) from case_correspondence where case_id = ?",
					caseId) == 1);
		assertNamesNobody(mailTo(this.catalog.owner()));
	}

	/**
	 * A customer that runs its own origin: the catalog names the customer's abuse contact
	 * as the origin host's too. The reporter sent their contact to "the host" and
	 * withheld it from "the owner", and the host's copy, with the contact, went to the
	 * owner's own mailbox.
	 */
	@Test
	void aCustomerHostingItsOwnOriginReadsTheContactWithheldFromItInTheHostsCopy() throws Exception {
		String id = this.catalog.id();
		String zone = "selfhosted-" + id + ".example";
		String owner = "ops-" + id + "@selfhosted-customer.example";
		Api.Response imported = this.api.put("/api/v1/catalog", """
				{"accounts": [{"ref": "selfhosted-%1$s", "name": "Self Hosted %1$s", "abuse_contact": "%2$s",
				  "at_risk": false, "status": "active",
				  "properties": [{"zone": "%3$s", "services": ["proxy"],
				    "origin": {"address": "203.0.113.90", "host_name": "Self Hosted %1$s",
				               "host_abuse_contact": "%4$s"}}]}]}""".formatted(id, owner, zone,
				owner.toUpperCase(Locale.ROOT)), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long reportId = fileReport("phishing", report("shop." + zone, "/own.php", "send", "send-anon")).get("id")
			.asLong();
		caseOf(reportId);

		await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(owner, "Abuse report").size() == 2);
		assertNamesNobody(mailTo(owner));
		// and the reporter is told so
		MimeMessage receipt = awaitMessageTo(reporter(), "Your report");
		assertThat(readable(receipt)).doesNotContain("with your contact details")
			.contains("without your contact details");
	}

	/**
	 * A reporter who chose {@code send} for a recipient who reads a digest: the digest
	 * listed the report's code, targets and justification only, so the host never had the
	 * contact it was meant to have (a copyright complainant's, which 512(c)(3) asks for,
	 * as well).
	 */
	@Test
	void aDigestLeavesOutTheContactTheReporterChoseToSend() throws Exception {
		String id = this.catalog.id();
		String zone = "digest-" + id + ".example";
		String busyHost = "abuse-" + id + "@busy-host.example";
		String owner = "owner-" + id + "@digest-customer.example";
		Api.Response imported = this.api.put("/api/v1/catalog", """
				{"accounts": [{"ref": "digest-%1$s", "name": "Digest Customer %1$s", "abuse_contact": "%2$s",
				  "at_risk": false, "status": "active",
				  "delivery": {"format": "prose", "aggregation": "digest", "digest_seconds": 600},
				  "properties": [{"zone": "%3$s", "services": ["proxy"],
				    "origin": {"address": "203.0.113.89", "host_name": "Busy Host %1$s", "host_abuse_contact": "%4$s",
				               "delivery": {"format": "prose", "aggregation": "digest", "digest_seconds": 600}}}]}]}"""
			.formatted(id, owner, zone, busyHost), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		long reportId = fileReport("phishing", report("shop." + zone, "/kit.php", "send", "send-anon")).get("id")
			.asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> queryOne(Integer.class, "select count(*) from digest_item where report_id = ?",
					reportId) == 2);
		this.jdbc.sql("update digest_item set due_at = now() where report_id = :id").param("id", reportId).update();

		MimeMessage toHost = awaitDigest(busyHost);
		MimeMessage toOwner = awaitDigest(owner);

		assertThat(readable(toHost)).contains("/kit.php").contains(NAME).contains(reporter()).contains(ORGANISATION);
		assertThat(readable(toOwner)).contains("/kit.php");
		assertNamesNobody(Map.of("digest to the owner", readable(toOwner)));
	}

	private static MimeMessage awaitDigest(String recipient) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !messagesTo(recipient, "Abuse reports digest").isEmpty());
		return messagesTo(recipient, "Abuse reports digest").get(0);
	}

	/** The customer appeals the mitigation and a senior upholds it; the appeal's id. */
	private long appealAndUphold(long mitigationId, String customer) {
		Api.Response appeal = this.api.post("/api/v1/customer/mitigations/" + mitigationId + "/appeal",
				"{\"reason\": \"misclassified\", \"statement\": \"It is our own login page.\"}", customer);
		assertThat(appeal.status()).as(appeal.body()).isEqualTo(201);
		long appealId = appeal.json().get("id").asLong();
		Api.Response upheld = this.api.post("/api/v1/appeals/" + appealId + "/decision",
				"{\"outcome\": \"upheld\", \"reason\": \"The page imitates a bank.\"}",
				staffToken("judge", Role.SENIOR));
		assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
		return appealId;
	}

	/**
	 * Everything the customer and its edge can read about the case: the customer API and
	 * page, the webhooks and the edge feed, the interstitial, the statements of reasons
	 * and the transparency report; by channel.
	 */
	private Map<String, String> whatTheCustomerSees(String customer, long caseId, long cursor, String host,
			long mitigationId) throws Exception {
		Map<String, String> seen = new LinkedHashMap<>();
		for (String path : List.of("reports", "mitigations", "notices", "appeals", "strikes")) {
			Api.Response answer = this.api.get("/api/v1/customer/" + path, customer);
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			seen.put("customer " + path, answer.body());
		}
		WebForm browser = new WebForm(this.port);
		WebForm.Page signedIn = browser.post("/customer/sign-in", List.of(WebForm.Part.field("token", customer),
				WebForm.Part.field("_csrf", browser.get("/customer/sign-in").csrf())));
		assertThat(signedIn.status()).isEqualTo(302);
		WebForm.Page home = browser.get("/customer");
		assertThat(home.status()).isEqualTo(200);
		seen.put("customer page", home.body());
		await().atMost(Duration.ofSeconds(30)).until(() -> !webhooks.received(host).isEmpty());
		seen.put("webhooks", String.join("\n", webhooks.received(host).stream().map((d) -> d.body()).toList()));
		seen.put("edge feed", edgeFeed(cursor, caseId).toString());
		Api.Response interstitial = this.api.get("/interstitial/" + mitigationId, null);
		assertThat(interstitial.status()).isEqualTo(200);
		seen.put("interstitial", interstitial.body());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> queryOne(Integer.class, "select count(*) from statement_of_reasons where case_id = ?",
					caseId) > 0);
		List<String> statements = queryList(String.class,
				"select statement::text from statement_of_reasons where case_id = ?", caseId);
		seen.put("statements of reasons", String.join("\n", statements));
		seen.put("transparency report", todaysTransparencyReport().toString());
		return seen;
	}

	/** Each message the SMTP server received for {@code recipient}, by subject. */
	private static Map<String, String> mailTo(String recipient) throws Exception {
		Map<String, String> seen = new LinkedHashMap<>();
		for (MimeMessage message : messagesTo(recipient)) {
			seen.merge("mail " + recipient + ": " + subjectStart(message.getSubject()), readable(message),
					(a, b) -> a + "\n" + b);
		}
		return seen;
	}

	private static String subjectStart(String subject) {
		for (String start : List.of("Abuse report", "Action taken on your content", "Action planned on your content",
				"Your appeal", "Abuse reports digest")) {
			if (subject.startsWith(start)) {
				return start.equals("Your appeal") ? subject.replaceAll("^(Your appeal \\d+).*", "$1") : start;
			}
		}
		return subject;
	}

	/** The message as its recipient can read it: every header, every part decoded. */
	private static String readable(Part part) throws MessagingException, IOException {
		StringBuilder text = new StringBuilder();
		for (Header header : Collections.list(part.getAllHeaders())) {
			text.append(header.getName()).append(": ").append(header.getValue()).append('\n');
		}
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append('\n').append(readable(multipart.getBodyPart(i)));
			}
		}
		else if (content instanceof Part nested) {
			text.append('\n').append(readable(nested));
		}
		else if (content instanceof InputStream stream) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			stream.transferTo(bytes);
			text.append('\n').append(bytes.toString(StandardCharsets.UTF_8));
		}
		else {
			text.append('\n').append(content);
		}
		return text.toString();
	}

	private void assertNamesNobody(Map<String, String> seen) {
		assertThat(seen).isNotEmpty();
		List<String> leaks = new ArrayList<>();
		seen.forEach((channel, text) -> {
			String lower = text.toLowerCase(Locale.ROOT);
			for (String identity : List.of(NAME, reporter(), ORGANISATION, "Quillfeather", "quill-lab")) {
				if (lower.contains(identity.toLowerCase(Locale.ROOT))) {
					leaks.add(channel + " names " + identity);
				}
			}
		});
		assertThat(leaks).as("the withheld reporter on channels %s", seen.keySet()).isEmpty();
	}

	private String reporter() {
		return "zq-" + this.catalog.id() + "@quill-lab.example";
	}

	private String report(String host, String path, String hostChoice, String ownerChoice) {
		return """
				{"reporter": {"name": "%s", "email": "%s", "kind": "organisation", "organisation": "%s"},
				 "urls": ["https://%s%s"],
				 "justification": "A fake bank login page harvesting passwords.",
				 "comments": "Private note: found through our spam trap.",
				 "notify": {"host": "%s", "owner": "%s"},
				 "good_faith": true}""".formatted(NAME, reporter(), ORGANISATION, host, path, hostChoice, ownerChoice);
	}

}
