package org.abusedesk.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.WebhookReceiver;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * What the edge learns: the change feed of {@code /api/v1/mitigations/active} and the
 * signed webhooks.
 */
class EdgeSyncTests extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WebhookDelivery delivery;

	private Api api;

	private String edge;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.edge = this.tokens.issue("edge-" + UUID.randomUUID(), Role.EDGE, "proxy fleet", null);
	}

	private Mitigation create(String target, Instant effective, Instant expires) {
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		return this.mitigations.create(new NewMitigation(caseId, "phishing_interstitial", "url_pattern", List.of(),
				effective, expires, null, "staff:test", Map.of(), target, "The page imitates a bank's login."));
	}

	@Test
	void theChangeFeedCarriesEveryChangeInOrderSoAnEdgeCanDropWhatEnded() {
		long cursor = this.jdbc.sql("select coalesce(max(change_seq), 0) from mitigation").query(Long.class).single();
		String marker = UUID.randomUUID().toString();
		Instant now = Instant.now();
		Mitigation active = create("https://a-" + marker + ".example/login", now, null);
		Mitigation pending = create("https://b-" + marker + ".example/login", now.plus(Duration.ofHours(24)), null);
		Mitigation expiring = create("https://c-" + marker + ".example/login", now, now.plus(Duration.ofMinutes(1)));

		Api.Response first = this.api.get("/api/v1/mitigations/active?after=" + cursor + "&limit=1000", this.edge);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		List<JsonNode> mine = mine(first.json(), marker);
		assertThat(mine).extracting((node) -> node.get("id").asLong())
			.containsExactly(active.id(), pending.id(), expiring.id());
		assertThat(mine).extracting((node) -> node.get("status").asString())
			.containsExactly("active", "pending", "active");
		assertThat(mine.get(0).get("interstitial_path").asString()).isEqualTo("/interstitial/" + active.id());
		assertThat(mine.get(0).get("target").asString()).isEqualTo("https://a-" + marker + ".example/login");
		long next = first.json().get("next_cursor").asLong();

		this.mitigations.expireDue(now.plus(Duration.ofMinutes(2)), 1000);
		Api.Response second = this.api.get("/api/v1/mitigations/active?after=" + next, this.edge);
		assertThat(mine(second.json(), marker)).singleElement().satisfies((node) -> {
			assertThat(node.get("id").asLong()).isEqualTo(expiring.id());
			assertThat(node.get("status").asString()).isEqualTo("removed");
		});

		Api.Response paged = this.api.get("/api/v1/mitigations/active?after=" + cursor + "&limit=1", this.edge);
		assertThat(paged.json().get("mitigations")).hasSize(1);
		assertThat(paged.json().get("has_more").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/mitigations/active?limit=1001", this.edge).status()).isEqualTo(422);
	}

	@Test
	void aWebhookIsSignedRetriedAfterAServerErrorAndDeliveredOnce() throws Exception {
		String marker = UUID.randomUUID().toString();
		webhooks.failNext(marker, 1);
		Mitigation mitigation = create("https://" + marker + ".example/login", Instant.now(), null);

		String key = "mitigation:" + mitigation.id() + ":change:%";
		await().atMost(Duration.ofSeconds(20)).until(() -> !webhooks.received(marker).isEmpty());
		// the retry is due after a backoff of 30 seconds; bring it forward
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("""
					update outbox_message set next_attempt_at = now()
					where idempotency_key like :key and status = 'pending' and attempts = 1""")
				.param("key", key)
				.update() == 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select status from outbox_message where idempotency_key like :key")
				.param("key", key)
				.query(String.class)
				.single()
				.equals("sent"));
		this.delivery.dispatchDue();

		List<WebhookReceiver.Delivery> received = webhooks.received(marker);
		assertThat(received).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(500, 204);
		assertThat(received).extracting(WebhookReceiver.Delivery::idempotencyKey)
			.doesNotContainNull()
			.containsOnly(received.get(0).idempotencyKey());
		for (WebhookReceiver.Delivery attempt : received) {
			assertThat(attempt.event()).isEqualTo("mitigation.activated");
			assertThat(attempt.signature()).isEqualTo(hmac(attempt.timestamp() + "." + attempt.body()));
			assertThat(attempt.body()).contains("\"status\":\"active\"").contains("\"id\":" + mitigation.id());
		}
	}

	@Test
	void theInterstitialWarnsInPlainWordsOnlyWhileAPhishingInterstitialIsActive() {
		String marker = UUID.randomUUID().toString();
		Mitigation active = create("https://" + marker + ".example/login", Instant.now(), null);
		Mitigation pending = create("https://p-" + marker + ".example/", Instant.now().plus(Duration.ofHours(24)),
				null);

		Api.Response page = this.api.get("/interstitial/" + active.id(), null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("reported as phishing")
			.contains("https://" + marker + ".example/login")
			.doesNotContain("<script")
			.doesNotContain("src=")
			.doesNotContain("staff:test");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).startsWith("default-src 'none'").contains("frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

		assertThat(this.api.get("/interstitial/" + pending.id(), null).status()).isEqualTo(404);
		long caseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		Mitigation block = this.mitigations.create(new NewMitigation(caseId, "malware_block", "url_pattern", List.of(),
				Instant.now(), null, null, "staff:test", Map.of(), "https://m-" + marker + ".example/file.exe", null));
		assertThat(this.api.get("/interstitial/" + block.id(), null).status()).isEqualTo(404);
		this.mitigations.expireDue(Instant.now(), 1000);
		Mitigation expired = create("https://e-" + marker + ".example/", Instant.now(), Instant.now().minusSeconds(1));
		this.mitigations.expireDue(Instant.now(), 1000);
		assertThat(this.api.get("/interstitial/" + expired.id(), null).status()).isEqualTo(404);
	}

	@Test
	void webhookUrlsThatReachThePrivateNetworkAreRefusedAtConfiguration() {
		List<String> refused = List.of("http://127.0.0.1/hook", "https://10.1.2.3/hook", "https://192.168.0.1/",
				"https://[::1]/hook", "https://169.254.169.254/latest", "http://localhost:8080/", "ftp://edge.example/",
				"https://[fd00::1]/");
		for (String url : refused) {
			assertThatIllegalArgumentException().as(url)
				.isThrownBy(() -> new WebhookProperties(
						List.of(new WebhookProperties.Endpoint(url, WebhookReceiver.SECRET)), false));
		}
		assertThat(new WebhookProperties(
				List.of(new WebhookProperties.Endpoint("https://edge.example/hook", WebhookReceiver.SECRET)), false)
			.endpoints()).hasSize(1);
		assertThat(new WebhookProperties(
				List.of(new WebhookProperties.Endpoint("http://127.0.0.1:9/hook", WebhookReceiver.SECRET)), true)
			.endpoints()).hasSize(1);
	}

	private static List<JsonNode> mine(JsonNode page, String marker) {
		List<JsonNode> mine = new java.util.ArrayList<>();
		page.get("mitigations").forEach((node) -> {
			if (node.get("target").asString().contains(marker)) {
				mine.add(node);
			}
		});
		return mine;
	}

	private static String hmac(String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(WebhookReceiver.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
