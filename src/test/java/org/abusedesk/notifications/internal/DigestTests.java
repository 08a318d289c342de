package org.abusedesk.notifications.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.abusedesk.Api;
import org.abusedesk.DeskTest;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A busy host gets one digest instead of a message per report, with every report's
 * tracking code and a valid X-ARF v4 attachment each (issue 18, "Done when").
 */
class DigestTests extends DeskTest {

	private static final int REPORTS = 500;

	@Autowired
	private Digests digests;

	@Test
	void aHostingProviderReceiving500ReportsInTenMinutesGetsOneDigestListingAllWithValidXarf() throws Exception {
		String id = this.catalog.id();
		String zone = "kit-" + id + ".example";
		String host = "abuse-" + id + "@busy-host.example";
		String owner = "owner-" + id + "@kit-customer.example";
		Api.Response imported = this.api.put("/api/v1/catalog",
				"""
						{"accounts": [{"ref": "digest-%1$s", "name": "Kit Customer %1$s", "abuse_contact": "%2$s",
						  "at_risk": false, "status": "active",
						  "delivery": {"format": "prose", "aggregation": "digest", "digest_minutes": 60},
						  "properties": [{"zone": "%3$s", "services": ["proxy"],
						    "origin": {"address": "203.0.113.88", "host_name": "Busy Host %1$s", "host_abuse_contact": "%4$s",
						               "delivery": {"format": "prose_xarf", "aggregation": "digest", "digest_seconds": 600}}}]}]}"""
					.formatted(id, owner, zone, host),
				this.admin);
		// the owner's digest in minutes, the spelling before ADR 0014, still read
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("rejected")).as(imported.body()).isEmpty();

		List<String> codes = fileBatch(zone);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.jdbc.sql("select count(*) from digest_item where recipient = :host")
				.param("host", host)
				.query(Integer.class)
				.single() == REPORTS);
		assertThat(messagesTo(host)).isEmpty();
		// ten minutes pass
		this.jdbc.sql("update digest_item set due_at = now() where recipient = :host").param("host", host).update();
		this.digests.queueDue();

		MimeMessage digest = awaitMessageTo(host, "Abuse reports digest: " + REPORTS + " reports");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> messagesTo(host).size() == 1);
		MimeMultipart parts = (MimeMultipart) digest.getContent();
		String body = String.valueOf(parts.getBodyPart(0).getContent());
		assertThat(body).contains(REPORTS + " abuse reports");
		for (String code : codes) {
			assertThat(body).contains(code + " (phishing) about");
		}
		assertThat(parts.getCount()).isEqualTo(REPORTS + 1);
		XarfSchema schema = XarfSchema.load();
		List<String> attachedCodes = new ArrayList<>();
		for (int i = 1; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			assertThat(part.getContentType()).startsWith("application/json");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			part.getInputStream().transferTo(bytes);
			String json = bytes.toString(StandardCharsets.UTF_8);
			assertThat(schema.errors(json)).as(json).isEmpty();
			attachedCodes.add(part.getFileName().replace("xarf-", "").replace(".json", ""));
		}
		assertThat(attachedCodes).containsExactlyInAnyOrderElementsOf(codes);
		// the owner's own digest waits for its hour; nothing was sent to it one by one
		assertThat(messagesTo(owner)).isEmpty();
	}

	@Test
	void aDeliveryPreferenceTheCatalogCannotKeepIsRejectedWithItsField() {
		String id = this.catalog.id();
		Api.Response imported = this.api.put("/api/v1/catalog",
				"""
						{"accounts": [{"ref": "bad-delivery-%1$s", "name": "Bad %1$s", "abuse_contact": "bad-%1$s@customer.example",
						  "at_risk": false, "status": "active",
						  "delivery": {"format": "pdf", "aggregation": "digest"},
						  "properties": [{"zone": "bad-delivery-%1$s.example", "services": ["proxy"],
						    "origin": {"address": "203.0.113.89",
						               "delivery": {"aggregation": "immediate", "digest_minutes": 5}}}]},
						 {"ref": "odd-digest-%1$s", "name": "Odd %1$s", "abuse_contact": "odd-%1$s@customer.example",
						  "at_risk": false, "status": "active",
						  "delivery": {"aggregation": "digest", "digest_seconds": 90},
						  "properties": [{"zone": "odd-digest-%1$s.example", "services": ["proxy"],
						    "origin": {"address": "203.0.113.90",
						               "delivery": {"aggregation": "digest", "digest_seconds": 600, "digest_minutes": 10}}}]}]}"""
					.formatted(id),
				this.admin);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(
				imported.json().at("/rejected/0/errors").valueStream().map((e) -> e.get("field").asString()).toList())
			.contains("accounts[0].delivery.format", "accounts[0].delivery.digest_seconds",
					"accounts[0].properties[0].origin.delivery.digest_minutes");
		// seconds that are not whole minutes; both spellings at once
		assertThat(
				imported.json().at("/rejected/1/errors").valueStream().map((e) -> e.get("field").asString()).toList())
			.contains("accounts[1].delivery.digest_seconds",
					"accounts[1].properties[0].origin.delivery.digest_minutes");
	}

	private List<String> fileBatch(String zone) {
		// a feed: an organisation's 500 reports against one customer would be a campaign
		// (issue 15)
		JsonNode batch = fileKitBatch("digest", "automated_feed", zone, REPORTS, "send-anon");
		List<String> codes = new ArrayList<>();
		batch.get("results").forEach((result) -> codes.add(result.get("tracking_code").asString()));
		assertThat(codes).hasSize(REPORTS);
		return codes;
	}

}
