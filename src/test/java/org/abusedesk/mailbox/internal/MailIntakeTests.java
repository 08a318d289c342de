package org.abusedesk.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.abusedesk.intake.MailAdmission;
import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.Reports;
import org.abusedesk.intake.ReporterKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MailIntakeTests extends IntegrationTest {

	@Autowired
	private MailIntake intake;

	@Autowired
	private CatalogImport catalog;

	@Autowired
	private Reports reports;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MailAdmission admission;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private StaffTokens tokens;

	private String id;

	private String prefix;

	private String hostedZone;

	@BeforeEach
	void setUp() {
		this.id = UUID.randomUUID().toString().substring(0, 8);
		// groups start with a letter so that the canonical form (no leading zeros) is the
		// same text
		this.prefix = "2001:db8:a" + this.id.substring(0, 3) + ":b" + this.id.substring(3, 6) + "::";
		this.hostedZone = "hosted-" + this.id + ".example";
		assertThat(this.catalog
			.apply("""
					{"accounts": [{"ref": "mail-%1$s", "name": "Mail %1$s", "abuse_contact": "mail-%1$s@customer.example",
					  "at_risk": false, "status": "active",
					  "properties": [{"prefix": "%2$s/64", "services": ["hosting"]},
					                 {"zone": "%3$s", "services": ["hosting"]}]}]}"""
				.formatted(this.id, this.prefix, this.hostedZone))
			.rejected()).isEmpty();
	}

	@Test
	void filesOneReportPerCustomerAndHostAndRecordsWhatIsNotOurs() {
		byte[] raw = arf("""
				Source-IP: %1$s25
				Reported-URI: https://shop.%2$s/phish.html
				Reported-URI: https://www.%2$s/login
				Reported-URI: https://elsewhere-%3$s.example/x
				""".formatted(this.prefix, this.hostedZone, this.id));

		MailOutcome outcome = this.intake.receive(raw, "test", "bounce@fbl.example");

		assertThat(outcome.status()).isEqualTo("accepted");
		assertThat(outcome.format()).isEqualTo(MailFormat.ARF);
		assertThat(outcome.reports()).hasSize(4);
		assertThat(outcome.reports()).filteredOn((report) -> !report.ips().isEmpty())
			.singleElement()
			.satisfies((report) -> {
				assertThat(report.type()).isEqualTo("general");
				assertThat(report.ips()).containsExactly(this.prefix + "25");
				assertThat(report.status()).isEqualTo("submitted");
			});
		assertThat(outcome.reports())
			.filteredOn((report) -> report.urls().contains("https://elsewhere-" + this.id + ".example/x"))
			.singleElement()
			.satisfies((report) -> assertThat(report.status()).isEqualTo("denied"));
		assertThat(outcome.reports()).extracting(MailOutcome.FiledReport::type).containsOnly("general");
		long reportId = this.jdbc.sql("select id from report where tracking_code = :code")
			.param("code", outcome.reports().get(0).trackingCode())
			.query(Long.class)
			.single();
		assertThat(this.reports.find(reportId).orElseThrow().reporter().kind()).isEqualTo(ReporterKind.ORGANISATION);
		assertThat(storedRaw(outcome.messageId())).isEqualTo(raw);
		assertThat(
				this.jdbc.sql("select notify_host || ' ' || notify_owner || ' ' || source from report where id = :id")
					.param("id", reportId)
					.query(String.class)
					.single())
			.isEqualTo("send-anon send-anon mail_message:" + outcome.messageId());
	}

	@Test
	void theSameMessageTwiceIsADuplicateNotASecondReport() {
		byte[] raw = arf("Source-IP: " + this.prefix + "26\n");
		MailOutcome first = this.intake.receive(raw, "test", null);
		MailOutcome second = this.intake.receive(raw, "test", null);
		assertThat(second.status()).isEqualTo("duplicate");
		assertThat(second.messageId()).isEqualTo(first.messageId());
		assertThat(second.reports()).extracting(MailOutcome.FiledReport::trackingCode)
			.containsExactlyElementsOf(first.reports().stream().map(MailOutcome.FiledReport::trackingCode).toList());
		assertThat(this.jdbc.sql("select count(*) from report where source = :source")
			.param("source", "mail_message:" + first.messageId())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void quarantinesWhatItCannotFileAndCountsFailuresPerSenderAndDay() {
		String sender = "noisy-" + this.id + "@senders.example";
		byte[] first = ("From: " + sender + "\r\nSubject: hello " + this.id + "\r\n\r\nNothing to see.\r\n").getBytes();
		byte[] second = ("From: " + sender + "\r\nSubject: again " + this.id + "\r\n\r\nStill nothing at all.\r\n")
			.getBytes();

		MailOutcome nothing = this.intake.receive(first, "test", null);
		MailOutcome again = this.intake.receive(second, "test", null);

		assertThat(nothing.status()).isEqualTo("quarantined");
		assertThat(nothing.reason()).contains("no URL");
		assertThat(again.status()).isEqualTo("quarantined");
		assertThat(this.jdbc.sql("select count from mail_failure where sender = :sender")
			.param("sender", sender)
			.query(Integer.class)
			.list()).containsExactly(2);

		Api api = new Api(this.port);
		String token = this.tokens.issue("agent-" + this.id, Role.fromWire("agent").orElseThrow(), "test", null);
		JsonNode page = api.get("/api/v1/intake/quarantine?limit=200", token).json();
		assertThat(page.get("messages").findValuesAsString("reason")).contains(again.reason());
		assertThat(page.get("failures").toString()).contains(sender);
		Api.Response original = api.get("/api/v1/intake/quarantine/" + again.messageId(), token);
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(original.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(second);
	}

	@Test
	void aMessageWithIndicatorsButNoTypeIsFiledForTriageAndAPersonPicksTheType() {
		String sender = "unsure-" + this.id + "@senders.example";
		byte[] raw = ("From: " + sender + "\r\nSubject: please look " + this.id + "\r\n\r\nPlease check https://odd."
				+ this.hostedZone + "/page and " + this.prefix + "77\r\n")
			.getBytes();

		MailOutcome outcome = this.intake.receive(raw, "test", null);

		assertThat(outcome.status()).isEqualTo("accepted");
		assertThat(outcome.reports()).hasSize(2).allSatisfy((report) -> {
			assertThat(report.type()).isEqualTo("general");
			assertThat(report.typeUnclear()).isTrue();
		});
		MailOutcome.FiledReport url = outcome.reports()
			.stream()
			.filter((report) -> !report.urls().isEmpty())
			.findFirst()
			.orElseThrow();
		assertThat(url.urls()).containsExactly("https://odd." + this.hostedZone + "/page");
		long reportId = this.jdbc.sql("select id from report where tracking_code = :code")
			.param("code", url.trackingCode())
			.query(Long.class)
			.single();

		Api api = new Api(this.port);
		String agent = this.tokens.issue("triage-" + this.id, Role.fromWire("agent").orElseThrow(), "test", null);
		Api.Response listed = api.get("/api/v1/intake/unclear?limit=200&after=" + (reportId - 1), agent);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode open = listed.json();
		assertThat(open.get("reports").findValuesAsString("tracking_code")).contains(url.trackingCode());

		assertThat(api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"spam\"}", agent).status())
			.isEqualTo(422);
		Api.Response chosen = api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"phishing\"}", agent);
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
		assertThat(chosen.json().get("chosen_type").asString()).isEqualTo("phishing");
		assertThat(this.reports.find(reportId).orElseThrow().type().wire()).isEqualTo("phishing");
		assertThat(api.post("/api/v1/intake/unclear/" + reportId, "{\"type\": \"general\"}", agent).status())
			.isEqualTo(404);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where stream = :stream and action = 'report.type_chosen'")
			.param("stream", "report:" + reportId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAcnsNoticeIsFiledAsACopyrightNoticeWithTheWorkAndTheRightsHolder() {
		String notice = new String(Fixtures.bytes("notifier-acns.eml"), StandardCharsets.UTF_8)
			.replace("films.copyhost.example", "films." + this.hostedZone)
			.replace("Case 2024-0001", "Case " + this.id);

		MailOutcome outcome = this.intake.receive(notice.getBytes(StandardCharsets.UTF_8), "test", null);

		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("accepted");
		MailOutcome.FiledReport dmca = outcome.reports()
			.stream()
			.filter((report) -> report.type().equals("dmca"))
			.findFirst()
			.orElseThrow();
		assertThat(dmca.urls()).containsExactly("https://films." + this.hostedZone + "/watch/the-example-movie");
		assertThat(dmca.typeUnclear()).isFalse();
		assertThat(this.jdbc.sql("""
				select details->>'work' || ' / ' || (details->>'rights_holder_name') || ' / ' || reporter_kind
				       || ' / ' || notify_host from report where tracking_code = :code""")
			.param("code", dmca.trackingCode())
			.query(String.class)
			.single()).isEqualTo("The Example Movie / Example Film Studios / rights_holder / send");
	}

	@Test
	void storesAndQuarantinesMessagesBeyondTheSizeLimitWithoutParsing(@Autowired MailStore store,
			@Autowired ReportFiling filing, @Autowired Resolver resolver, @Autowired AuditLog audit,
			@Autowired ObjectMapper json, @Autowired TransactionTemplate transaction) {
		MailIntakeProperties small = new MailIntakeProperties(DataSize.ofBytes(200), null, List.of(),
				new MailIntakeProperties.Imap(null, 0, true, null, null, "INBOX", "Processed", null),
				new MailIntakeProperties.Smtp(0, "127.0.0.1", null, 50), MailLimits.DEFAULT_EXTRACTION_READS);
		MailIntake limited = new MailIntakeService(store, small, filing, resolver, audit, json, transaction,
				this.admission, this.events);
		byte[] raw = arf("Source-IP: " + this.prefix + "27\n");

		MailOutcome outcome = limited.receive(raw, "test", null);

		assertThat(outcome.status()).isEqualTo("quarantined");
		assertThat(outcome.reason()).startsWith("too_large");
		assertThat(storedRaw(outcome.messageId())).isEqualTo(raw);
	}

	@Test
	void aKnownFeedWithAPassingDkimSignatureFilesAsAnAutomatedFeedWithItsDefaultType(@Autowired MailStore store,
			@Autowired ReportFiling filing, @Autowired Resolver resolver, @Autowired AuditLog audit,
			@Autowired ObjectMapper json, @Autowired TransactionTemplate transaction) {
		String feedAddress = "feed-" + this.id + "@feeds.example";
		MailIntakeProperties withFeed = new MailIntakeProperties(DataSize.ofMegabytes(25), "mx.provider.example",
				List.of(new MailIntakeProperties.Feed(feedAddress, "phishing", true, null, false)),
				new MailIntakeProperties.Imap(null, 0, true, null, null, "INBOX", "Processed", null),
				new MailIntakeProperties.Smtp(0, "127.0.0.1", null, 50), MailLimits.DEFAULT_EXTRACTION_READS);
		MailIntake feeds = new MailIntakeService(store, withFeed, filing, resolver, audit, json, transaction,
				this.admission, this.events);
		String text = "From: " + feedAddress + "\r\nSubject: daily list " + this.id + "\r\n%s\r\nhttps://www."
				+ this.hostedZone + "/kit/\r\n";
		String signed = "Authentication-Results: mx.provider.example; dkim=pass header.d=feeds.example";
		String forged = "Authentication-Results: mx.provider.example; dkim=fail header.d=feeds.example\r\n"
				+ "Authentication-Results: elsewhere.example; dkim=pass header.d=feeds.example";

		MailOutcome trusted = feeds.receive(text.formatted(signed + "\r\n").getBytes(), "test", null);
		MailOutcome untrusted = feeds.receive(text.formatted(forged + "\r\n").getBytes(), "test", null);

		assertThat(trusted.status()).isEqualTo("accepted");
		assertThat(trusted.reports()).singleElement().satisfies((report) -> {
			assertThat(report.type()).isEqualTo("phishing");
			assertThat(report.status()).isEqualTo("submitted");
		});
		assertThat(this.jdbc.sql("select reporter_kind from report where tracking_code = :code")
			.param("code", trusted.reports().get(0).trackingCode())
			.query(String.class)
			.single()).isEqualTo("automated_feed");
		// not the feed: no default type, so filed for triage, as a self-declared reporter
		assertThat(untrusted.status()).isEqualTo("accepted");
		assertThat(untrusted.reports()).singleElement().satisfies((report) -> {
			assertThat(report.type()).isEqualTo("general");
			assertThat(report.typeUnclear()).isTrue();
		});
		assertThat(this.jdbc.sql("select reporter_kind from report where tracking_code = :code")
			.param("code", untrusted.reports().get(0).trackingCode())
			.query(String.class)
			.single()).isEqualTo("individual");
	}

	@Test
	void nulCharactersInAMessageAreShownAsReplacementCharactersAndTheRawKeepsThem() {
		String text = "X-Test: " + this.id + "-nul\r\nFrom: Nul\0Name <nul\0" + this.id
				+ "@reporter.example>\r\nMessage-ID: <a\0b@" + this.id + ">\r\nSubject: kit\0here\r\n\r\n"
				+ "Phishing at https://www." + this.hostedZone + "/kit/ \0 please act\r\n";
		byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);

		MailOutcome outcome = this.intake.receive(raw, "test", "bounce\0" + this.id + "@reporter.example");

		assertThat(outcome.status()).isIn("accepted", "quarantined");
		assertThat(storedRaw(outcome.messageId())).isEqualTo(raw);
		assertThat(this.jdbc
			.sql("select header_sender || ' ' || message_id || ' ' || envelope_sender from mail_message where id = :id")
			.param("id", outcome.messageId())
			.query(String.class)
			.single())
			.isEqualTo("nul\uFFFD" + this.id + "@reporter.example <a\uFFFDb@" + this.id + "> bounce\uFFFD" + this.id
					+ "@reporter.example");
	}

	@Test
	void neverLosesTheRawMessageWhateverItContains() {
		SplittableRandom random = new SplittableRandom(this.id.hashCode());
		for (int i = 0; i < 15; i++) {
			String fixture = Fixtures.ALL[i % Fixtures.ALL.length];
			byte[] raw = MailParserPropertyTests.mutate(Fixtures.bytes(fixture), random, 1 + random.nextInt(30));
			byte[] unique = concat(("X-Test: " + this.id + "-" + i + "\r\n").getBytes(), raw);
			MailOutcome outcome = this.intake.receive(unique, "test", null);
			assertThat(outcome.status()).isIn("accepted", "quarantined", "ignored");
			assertThat(storedRaw(outcome.messageId())).isEqualTo(unique);
		}
	}

	private byte[] storedRaw(long messageId) {
		return this.jdbc.sql("select raw from mail_message where id = :id")
			.param("id", messageId)
			.query(byte[].class)
			.single();
	}

	private byte[] arf(String fields) {
		String message = """
				From: FBL <fbl@fbl.example>
				Subject: complaint %s
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary=b

				--b
				Content-Type: text/plain

				An abuse report.
				--b
				Content-Type: message/feedback-report

				Feedback-Type: abuse
				User-Agent: Test/1
				Version: 1
				%s
				--b
				Content-Type: text/rfc822-headers

				From: spammer@spam.example
				Subject: spam
				--b--
				""".formatted(this.id + "-" + UUID.randomUUID(), fields.strip());
		return message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
