package org.abusedesk;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.abusedesk.mitigations.Mitigations;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running desk for one test: an API client, a slice of catalog of its own
 * ({@link TestCatalog}: a proxied and a hosted customer) imported before the test, and an
 * admin token. The one fixture the flow tests share instead of each copying its set-up.
 */
public abstract class DeskTest extends IntegrationTest {

	@Autowired
	protected StaffTokens tokens;

	@Autowired
	protected Mitigations mitigations;

	protected Api api;

	protected TestCatalog catalog;

	protected String admin;

	@BeforeEach
	public void openTheDesk() {
		this.api = new Api(this.port);
		this.catalog = TestCatalog.unique();
		this.admin = this.tokens.issue("admin-" + this.catalog.id(), Role.ADMIN, "test", null);
		Api.Response imported = this.api.put("/api/v1/catalog", this.catalog.document(), this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	/** A staff token of {@code role} for this test. */
	protected String staffToken(String name, Role role) {
		return this.tokens.issue(name + "-" + this.catalog.id(), role, "test", null);
	}

	/** A customer token for the account {@code accountRef}, issued by the admin. */
	protected String customerToken(String accountRef) {
		Api.Response issued = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"" + accountRef + "\", \"label\": \"portal\"}", this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	/** Waits until the router has attached the report to a case; that case's id. */
	protected long caseOf(long reportId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> queryOne(Integer.class, "select count(*) from case_report where report_id = ?",
					reportId) == 1);
		return queryOne(Long.class, "select case_id from case_report where report_id = ?", reportId);
	}

	/** Files a report of {@code type} over HTTP, as anyone may; its receipt. */
	protected JsonNode fileReport(String type, String body) {
		Api.Response created = this.api.post("/api/v1/reports/" + type, body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** Files a report over HTTP and answers its case once the router attached it. */
	protected long fileAndAwaitCase(String type, String body) {
		return caseOf(fileReport(type, body).get("id").asLong());
	}

	/**
	 * Staff with {@code token} confirm {@code fact} on the case, saying what they
	 * {@code checked}; the API's answer.
	 */
	protected Api.Response confirm(long caseId, String fact, String checked, String token) {
		return this.api.post("/api/v1/cases/" + caseId + "/confirmations",
				"{\"fact\": \"" + fact + "\", \"checked\": \"" + checked + "\"}", token);
	}

	/**
	 * Files a general report about {@code host} ({@link TestCatalog#report}: the host is
	 * sent it, the owner as {@code ownerChoice} says); its case once the router attached
	 * it.
	 */
	protected long caseOfGeneralReport(String host, String ownerChoice) {
		return fileAndAwaitCase("general", this.catalog.report(host, "send", ownerChoice));
	}

	/** The id of the report with {@code trackingCode}. */
	protected long reportIdOf(String trackingCode) {
		return queryOne(Long.class, "select id from report where tracking_code = ?", trackingCode);
	}

	/** The kinds of the messages queued for the report, in the order queued. */
	protected List<String> outboxKinds(long reportId) {
		return queryList(String.class, "select kind from outbox_message where report_id = ? order by id", reportId);
	}

	/**
	 * Today's transparency report as an agent reads it (other tests may add to the day).
	 */
	protected JsonNode todaysTransparencyReport() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Api.Response report = this.api.get("/api/v1/transparency/report?from=" + today + "&to=" + today,
				staffToken("agent", Role.AGENT));
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		return report.json();
	}

	/** The rows of a section whose {@code key} is {@code value}. */
	protected static List<JsonNode> rowsWhere(JsonNode rows, String key, String value) {
		return rows.valueStream().filter((row) -> row.get(key).asString().equals(value)).toList();
	}

	/**
	 * A reporter token the admin issues to {@code name} of Flaggers e.V., a reporter of
	 * {@code reporterKind}; the token.
	 */
	protected String reporterToken(String label, String reporterKind, String name, String email) {
		Api.Response issued = this.api.post("/api/v1/reporter-tokens",
				"""
						{"label": "%s %s", "reporter_kind": "%s", "name": "%s", "email": "%s", "organisation": "Flaggers e.V."}"""
					.formatted(label, this.catalog.id(), reporterKind, name, email),
				this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	/**
	 * Files {@code count} reports of phishing kits at {@code https://shop.<zone>/kit-<i>}
	 * in one batch, from a flagger of {@code reporterKind} with {@code notify} for host
	 * and owner; the batch's answer.
	 */
	protected JsonNode fileKitBatch(String label, String reporterKind, String zone, int count, String notify) {
		String token = reporterToken(label, reporterKind, "Flagger",
				label + "-" + this.catalog.id() + "@flaggers.example");
		List<String> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items
				.add("""
						{"type": "phishing", "report": {"urls": ["https://shop.%s/kit-%d"], "justification": "Phishing kit.",
						 "notify": {"host": "%s", "owner": "%s"}, "good_faith": true}}"""
					.formatted(zone, i, notify, notify));
		}
		Api.Response batch = this.api.post("/api/v1/reports:batch", "{\"reports\": [" + String.join(",", items) + "]}",
				token);
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		return batch.json();
	}

	/**
	 * Files a phishing report about {@code host} of the proxied customer, naming the
	 * reporter to nobody, and waits for its case and the report forwarded to the origin's
	 * host.
	 */
	protected Forwarded forwardedToTheOriginHost(String host) {
		long reportId = fileReport("phishing", this.catalog.report(host, "send-anon", "send-anon")).get("id").asLong();
		return new Forwarded(reportId, caseOf(reportId), awaitMessageTo(this.catalog.originHost(), "Abuse report"));
	}

	/** A report, its case, and the message that forwarded it to a host. */
	protected record Forwarded(long reportId, long caseId, MimeMessage message) {
	}

	/**
	 * The origin host's answer to {@code forwarded}, threaded to it, saying it suspended
	 * the site; {@code messageId} is the answer's own.
	 */
	protected byte[] replyOfTheOriginHost(MimeMessage forwarded, String messageId, String host) {
		try {
			return """
					From: Origin Abuse Desk <%s>
					To: abuse@abusedesk.invalid
					Subject: Re: %s
					Message-ID: <%s@origin-host.example>
					In-Reply-To: %s
					References: %s

					We have suspended the customer's site https://%s/login.php. Kind regards.
					"""
				.formatted(this.catalog.originHost(), forwarded.getSubject(), messageId, forwarded.getMessageID(),
						forwarded.getMessageID(), host)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
