package org.abusedesk.appeals.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.WebhookReceiver;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, DMCA counter-notices: the customer whose content was disabled after a DMCA
 * notice files one with every 512(g)(3) element; the complainant gets it; the content
 * comes back after the business-day window, once however many nodes run the job, unless
 * the complainant tells us of a court action. The job is driven with its clock's instant,
 * so nothing waits ten business days.
 */
class CounterNoticeTests extends EdgeDeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private Restorations restorations;

	@Autowired
	private BusinessCalendar calendar;

	private static final String COUNTER_NOTICE = """
			{"signature": "Carla Customer", "material": "The song demo.mp3, which I recorded myself.",
			 "location": "https://%s/song.mp3", "statement_under_penalty_of_perjury": true,
			 "name": "Carla Customer", "address": "1 Main Street, Springfield, IL 62701, USA",
			 "phone": "+1 217 555 0100", "consent_to_jurisdiction": true}""";

	@Test
	void aCounterNoticeRestoresTheContentAfterTheBusinessDayWindow() {
		Disabled disabled = disabledAfterDmca("media");
		String path = "/api/v1/customer/mitigations/" + disabled.mitigation() + "/counter-notice";

		Api.Response empty = this.api.post(path, "{\"statement_under_penalty_of_perjury\": false}",
				disabled.customer());
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("errors"))
			.extracting((e) -> e.get("field").asString() + " " + e.get("code").asString())
			.containsExactly("signature required", "material required", "location required",
					"statement_under_penalty_of_perjury required", "name required", "address required",
					"phone required", "consent_to_jurisdiction required");
		String other = this.customerTokens.issue("proxy-" + this.catalog.id(), "test").token();
		assertThat(this.api.post(path, COUNTER_NOTICE.formatted(disabled.host()), other).status()).isEqualTo(404);

		Api.Response filed = this.api.post(path, COUNTER_NOTICE.formatted(disabled.host()), disabled.customer());
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		Instant filedAt = Instant.parse(filed.json().get("filed_at").asString());
		Instant restoreAt = Instant.parse(filed.json().get("restore_at").asString());
		assertThat(restoreAt).isEqualTo(this.calendar.plusBusinessDays(filedAt, 10));
		// ten business days are at least twelve days, two weekends included
		assertThat(restoreAt).isAfterOrEqualTo(filedAt.plus(12, ChronoUnit.DAYS));
		assertThat(this.api.post(path, COUNTER_NOTICE.formatted(disabled.host()), disabled.customer()).status())
			.isEqualTo(409);

		// the complainant gets the counter-notice with the subscriber's contact
		MimeMessage forwarded = awaitMessageTo(this.catalog.reporter(), "Counter-notice to your copyright notice");
		assertThat(body(forwarded)).contains("Carla Customer")
			.contains("1 Main Street, Springfield")
			.contains("+1 217 555 0100")
			.contains("penalty of perjury")
			.contains("Federal District Court")
			.contains(restoreAt.toString())
			.contains("/action-filed")
			.contains("case reference " + disabled.caseId());
		assertThat(body(awaitMessageTo(this.catalog.hoster(), "Your counter-notice"))).contains(restoreAt.toString());

		assertThat(this.restorations.restoreDue(restoreAt.minusSeconds(60), 100)).isZero();
		assertThat(status(disabled)).isEqualTo("active");
		this.restorations.restoreDue(restoreAt, 100);
		assertThat(status(disabled)).isEqualTo("removed");
		assertThat(restored(disabled)).isEqualTo(1);
		assertThat(body(awaitMessageTo(this.catalog.reporter(), "Material restored"))).contains("restored");
		this.restorations.restoreDue(restoreAt.plus(1, ChronoUnit.DAYS), 100);
		assertThat(restored(disabled)).isEqualTo(1);

		// the transparency report counts the counter-notice and the restoration (other
		// tests may add some the same day)
		JsonNode counterNotices = todaysTransparencyReport().at("/sections/appeals/counter_notices");
		assertThat(counterNotices.at("/0/counter_notices").asString()).isEqualTo("filed");
		assertThat(counterNotices.at("/0/count").asLong()).isPositive();
		assertThat(counterNotices.at("/1/counter_notices").asString()).isEqualTo("content_restored");
		assertThat(counterNotices.at("/1/count").asLong()).isPositive();
	}

	@Test
	void aComplainantsLawsuitNoticeStopsTheRestoration() {
		Disabled disabled = disabledAfterDmca("video");
		Api.Response filed = this.api.post("/api/v1/customer/mitigations/" + disabled.mitigation() + "/counter-notice",
				COUNTER_NOTICE.formatted(disabled.host()), disabled.customer());
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		Instant restoreAt = Instant.parse(filed.json().get("restore_at").asString());
		String path = "/api/v1/reports/status/" + disabled.trackingCode() + "/action-filed";
		String action = "{\"secret\": \"%s\", \"case_reference\": \"%s\","
				+ " \"action\": \"N.D. Ill., No. 1:26-cv-01234, filed against Carla Customer\"}";

		assertThat(this.api.post(path, action.formatted("wrong", disabled.caseId()), null).status()).isEqualTo(404);
		Api.Response wrongCase = this.api.post(path, action.formatted(disabled.secret(), "999999999"), null);
		assertThat(wrongCase.status()).isEqualTo(422);
		assertThat(wrongCase.json().at("/errors/0/field").asString()).isEqualTo("case_reference");
		Api.Response noAction = this.api.post(path,
				"{\"secret\": \"" + disabled.secret() + "\", \"case_reference\": \"" + disabled.caseId() + "\"}", null);
		assertThat(noAction.status()).isEqualTo(422);
		assertThat(noAction.json().at("/errors/0/field").asString()).isEqualTo("action");

		Api.Response stopped = this.api.post(path, action.formatted(disabled.secret(), "case " + disabled.caseId()),
				null);
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(stopped.json().at("/counter_notices/0/status").asString()).isEqualTo("action_filed");
		assertThat(this.api.post(path, action.formatted(disabled.secret(), disabled.caseId()), null).status())
			.isEqualTo(409);

		this.restorations.restoreDue(restoreAt.plus(30, ChronoUnit.DAYS), 100);
		assertThat(status(disabled)).isEqualTo("active");
		assertThat(restored(disabled)).isZero();
		assertThat(body(awaitMessageTo(this.catalog.hoster(), "A court action was filed")))
			.contains("N.D. Ill., No. 1:26-cv-01234");
		assertThat(this.audit.entries("case:" + disabled.caseId())).extracting((e) -> e.action())
			.containsSubsequence("counter_notice.filed", "counter_notice.action_filed");
	}

	@Test
	void theRestorationHappensOnceWithTwoNodes() throws Exception {
		Disabled disabled = disabledAfterDmca("audio");
		Api.Response filed = this.api.post("/api/v1/customer/mitigations/" + disabled.mitigation() + "/counter-notice",
				COUNTER_NOTICE.formatted(disabled.host()), disabled.customer());
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		Instant due = Instant.parse(filed.json().get("restore_at").asString());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		// the other node tells the same edge
		try (ConfigurableApplicationContext nodeB = startNode("abusedesk.webhooks.endpoints[0].url=" + webhooks.url(),
				"abusedesk.webhooks.endpoints[0].secret=" + WebhookReceiver.SECRET,
				"abusedesk.webhooks.allow-private=true")) {
			Restorations otherNode = nodeB.getBean(Restorations.class);
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> {
				awaitTogether(together);
				return this.restorations.restoreDue(due, 100);
			}, threads);
			CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> {
				awaitTogether(together);
				return otherNode.restoreDue(due, 100);
			}, threads);
			assertThat(onA.get() + onB.get()).isGreaterThanOrEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(status(disabled)).isEqualTo("removed");
		assertThat(restored(disabled)).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_message
				where channel = 'webhook' and idempotency_key like :key and subject = 'mitigation.restored'""")
			.param("key", "mitigation:" + disabled.mitigation() + ":change:%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** A mitigation that disabled content after a DMCA notice, and who is who. */
	private record Disabled(long caseId, long mitigation, String host, String customer, String trackingCode,
			String secret) {
	}

	private Disabled disabledAfterDmca(String subdomain) {
		String host = subdomain + "." + this.catalog.hostedZone();
		long cursor = changeCursor();
		Api.Response created = this.api.post("/api/v1/reports/dmca", dmca(host, "/song.mp3"), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long caseId = caseOf(created.json().get("id").asLong());
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		JsonNode mitigation = latest(cursor, caseId).get(0);
		assertThat(mitigation.get("status").asString()).isEqualTo("active");
		return new Disabled(caseId, mitigation.get("id").asLong(), host,
				this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token(),
				created.json().get("tracking_code").asString(), created.json().get("status_secret").asString());
	}

	private String dmca(String host, String path) {
		return """
				{"reporter": {"name": "Rhea Rights", "email": "%s", "kind": "rights_holder"},
				 "urls": ["https://%s%s"], "justification": "A copy of our album track, uploaded without a licence.",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "work": "The recording 'Demo' (2025) by Example Records.",
				 "rights_holder_name": "Example Records Ltd", "rights_holder_address": "2 Music Row, Nashville, TN",
				 "accuracy_statement": true, "signature": "Rhea Rights"}""".formatted(this.catalog.reporter(), host,
				path);
	}

	private String status(Disabled disabled) {
		return this.jdbc.sql("select status from mitigation where id = :id")
			.param("id", disabled.mitigation())
			.query(String.class)
			.single();
	}

	private long restored(Disabled disabled) {
		return this.audit.entries("case:" + disabled.caseId())
			.stream()
			.filter((e) -> e.action().equals("mitigation.restored"))
			.count();
	}

}
