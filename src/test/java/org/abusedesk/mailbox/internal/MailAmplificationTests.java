package org.abusedesk.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6: one email listing 10,000 hosts became 1,000 reports and 1,000
 * receipts to an unauthenticated From address. A message gets one receipt, and a mail
 * sender has a budget of reports like an address on the API.
 */
class MailAmplificationTests extends IntegrationTest {

	@Autowired
	private MailIntake intake;

	@Autowired
	private CatalogImport catalog;

	@Autowired
	private JdbcClient jdbc;

	private String id;

	private String zone;

	private String sender;

	@BeforeEach
	void setUp() {
		this.id = UUID.randomUUID().toString().substring(0, 8);
		this.zone = "amplified-" + this.id + ".example";
		this.sender = "victim-" + this.id + "@innocent.example";
		assertThat(this.catalog.apply("""
				{"accounts": [{"ref": "amp-%1$s", "name": "Amp %1$s", "abuse_contact": "amp-%1$s@customer.example",
				  "at_risk": false, "status": "active",
				  "properties": [{"zone": "%2$s", "services": ["hosting"]}]}]}""".formatted(this.id, this.zone))
			.rejected()).isEmpty();
	}

	@Test
	void oneMessageListingManyHostsGetsOneReceiptNotOnePerReport() {
		MailOutcome outcome = this.intake.receive(message("first", 40), "test", null);

		assertThat(outcome.status()).as(outcome.reason()).isEqualTo("accepted");
		assertThat(outcome.reports()).hasSize(40);
		List<String> receipts = this.jdbc
			.sql("select body from outbox_message where lower(recipient) = :sender order by id")
			.param("sender", this.sender)
			.query(String.class)
			.list();
		assertThat(receipts).singleElement().satisfies((body) -> {
			assertThat(body).contains("filed it as 40 reports");
			outcome.reports().forEach((report) -> assertThat(body).contains(report.trackingCode()));
			assertThat(body).contains("/api/v1/reports/status/" + outcome.reports().get(0).trackingCode() + "?secret=");
		});
	}

	@Test
	void aMailSenderOverItsBudgetIsQuarantinedNotFiled() {
		MailOutcome first = this.intake.receive(message("a", 50), "test", null);
		assertThat(first.status()).as(first.reason()).isEqualTo("accepted");

		MailOutcome second = this.intake.receive(message("b", 50), "test", null);

		assertThat(second.status())
			.as(first.reports().size() + " then " + second.reports().size() + " " + second.reason())
			.isEqualTo("quarantined");
		assertThat(second.reason()).startsWith("rate_limited: 50 reports from " + this.sender);
		assertThat(second.reports()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from outbox_message where lower(recipient) = :sender")
			.param("sender", this.sender)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void tenThousandHostsFromAnUnknownSenderFileNothingAndSendNothing() {
		MailOutcome outcome = this.intake.receive(message("flood", 10_000), "test", null);

		assertThat(outcome.status()).isEqualTo("quarantined");
		assertThat(outcome.reason()).startsWith("rate_limited");
		assertThat(this.jdbc.sql("select count(*) from outbox_message where lower(recipient) = :sender")
			.param("sender", this.sender)
			.query(Integer.class)
			.single()).isZero();
	}

	private byte[] message(String subject, int hosts) {
		StringBuilder text = new StringBuilder("From: " + this.sender + "\r\nSubject: Phishing sites " + subject + " "
				+ this.id + "\r\nMessage-ID: <" + subject + "-" + this.id + "@innocent.example>\r\n\r\n");
		text.append("These pages are phishing:\r\n");
		for (int i = 0; i < hosts; i++) {
			text.append("https://h").append(i).append('.').append(this.zone).append("/login\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
