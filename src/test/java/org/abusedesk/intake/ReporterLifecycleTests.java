package org.abusedesk.intake;

import org.abusedesk.DeskTest;
import org.abusedesk.TestCatalog;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.catalog.CatalogImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the reporter sees: receipt, status page, duplicates and denials. */
class ReporterLifecycleTests extends DeskTest {

	@Test
	void theReceiptCarriesTheStatusLinkAndTheStatusPageShowsOnlyTheReportersMessages() throws Exception {
		String host = "shop." + this.catalog.proxiedZone();
		JsonNode receipt = this.api.post("/api/v1/reports/phishing", this.catalog.report(host, "send", "send"), null)
			.json();
		String code = receipt.get("tracking_code").asString();
		String secret = receipt.get("status_secret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(32);

		String mail = body(awaitMessageTo(this.catalog.reporter(), "We received your report"));
		Matcher link = Pattern.compile("/api/v1/reports/status/(AD-[0-9A-Z-]+)\\?secret=([A-Za-z0-9_-]+)")
			.matcher(mail);
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo(code);
		assertThat(link.group(2)).isEqualTo(secret);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/reports/status/" + code + "?secret=" + secret, null)
				.json()
				.get("status")
				.asString()
				.equals("accepted"));
		Api.Response status = this.api.get("/api/v1/reports/status/" + code + "?secret=" + secret, null);
		assertThat(status.status()).isEqualTo(200);
		JsonNode view = status.json();
		assertThat(view.get("type").asString()).isEqualTo("phishing");
		// the receipt and the notice naming the host; never the messages to the host or
		// the owner
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/reports/status/" + code + "?secret=" + secret, null)
				.json()
				.get("messages")
				.size() == 2);
		JsonNode messages = this.api.get("/api/v1/reports/status/" + code + "?secret=" + secret, null)
			.json()
			.get("messages");
		assertThat(messages.valueStream().map((m) -> m.get("subject").asString()))
			.allMatch((subject) -> subject.contains(code))
			.noneMatch((subject) -> subject.startsWith("Abuse report"));
		assertThat(messages.toString()).doesNotContain(secret).doesNotContain("203.0.113.77");

		// once sent, the secret is no longer kept in the outbox
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from outbox_message where body like :s and status = 'sent'")
				.param("s", "%" + code + "?secret=[redacted]%")
				.query(Integer.class)
				.single() == 1);
		assertThat(this.jdbc.sql("select count(*) from outbox_message where body like :s")
			.param("s", "%" + secret + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aWrongSecretAndAnUnknownCodeLookTheSame() {
		JsonNode receipt = this.api
			.post("/api/v1/reports/general", this.catalog.report("a." + this.catalog.hostedZone(), "send", "send"),
					null)
			.json();
		String code = receipt.get("tracking_code").asString();
		Api.Response wrong = this.api.get("/api/v1/reports/status/" + code + "?secret=guess", null);
		Api.Response unknown = this.api.get("/api/v1/reports/status/AD-0000-0000-0000?secret=guess", null);
		Api.Response none = this.api.get("/api/v1/reports/status/" + code, null);
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(none.status()).isEqualTo(404);
		assertThat(wrong.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
	}

	@Test
	void theSameReportAgainIsADuplicatePointingToTheOriginal() throws Exception {
		String body = this.catalog.report("b." + this.catalog.hostedZone(), "send", "send");
		JsonNode first = this.api.post("/api/v1/reports/general", body, null).json();
		JsonNode second = this.api.post("/api/v1/reports/general", body, null).json();

		assertThat(first.get("status").asString()).isEqualTo("submitted");
		assertThat(second.get("status").asString()).isEqualTo("denied");
		assertThat(second.get("denial_reason").asString()).isEqualTo("duplicate_report");
		assertThat(second.get("duplicate_of").asString()).isEqualTo(first.get("tracking_code").asString());

		String decision = body(awaitMessageTo(this.catalog.reporter(), "Decision on your report"));
		assertThat(decision).contains("duplicate_report")
			.contains(second.get("tracking_code").asString())
			.contains("six months");
	}

	@Test
	void aReportAboutSomeoneElseIsDeniedWithTheReasonAndHowToSeekRedress() throws Exception {
		JsonNode receipt = this.api
			.post("/api/v1/reports/general",
					this.catalog.report("nobody-" + this.catalog.id() + ".example", "send", "send"), null)
			.json();
		assertThat(receipt.get("denial_reason").asString()).isEqualTo("not_ours");
		String decision = body(awaitMessageTo(this.catalog.reporter(), "Decision on your report"));
		assertThat(decision).contains("not_ours").contains("does not use our services").contains("six months");
	}

}
