package org.abusedesk.mitigations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.IntegrationTest;
import org.abusedesk.WebhookReceiver;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.audit.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database activate due mitigations at the same moment: each
 * mitigation is activated once, with one audit entry and one webhook.
 */
class MitigationActivationTests extends IntegrationTest {

	private static final int COUNT = 24;

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoNodesActivateEachDueMitigationOnce() throws Exception {
		// due in an hour, so that only the explicit calls below (with a later "now")
		// activate them, not this context's schedule
		Instant effective = Instant.now().plus(Duration.ofHours(1));
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			long caseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
			ids.add(this.mitigations
				.create(new NewMitigation(caseId, "content_disable", "url_pattern", List.of(), effective, null, null,
						"staff:test", Map.of(), "https://x.example/" + i, null))
				.id());
		}
		Instant now = effective.plus(Duration.ofHours(1));

		ExecutorService executor = Executors.newFixedThreadPool(2);
		try (ConfigurableApplicationContext nodeB = startNode("abusedesk.webhooks.endpoints[0].url=" + webhooks.url(),
				"abusedesk.webhooks.endpoints[0].secret=" + WebhookReceiver.SECRET,
				"abusedesk.webhooks.allow-private=true");
				ConfigurableApplicationContext nodeC = startNode(
						"abusedesk.webhooks.endpoints[0].url=" + webhooks.url(),
						"abusedesk.webhooks.endpoints[0].secret=" + WebhookReceiver.SECRET,
						"abusedesk.webhooks.allow-private=true")) {
			CyclicBarrier start = new CyclicBarrier(2);
			List<CompletableFuture<Integer>> runs = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeB, nodeC)) {
				Mitigations onNode = node.getBean(Mitigations.class);
				runs.add(CompletableFuture.supplyAsync(() -> {
					awaitTogether(start);
					int activated = 0;
					for (int batch = onNode.activateDue(now, 3); batch > 0; batch = onNode.activateDue(now, 3)) {
						activated += batch;
					}
					return activated;
				}, executor));
			}
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
			assertThat(runs.get(0).join() + runs.get(1).join()).isGreaterThanOrEqualTo(COUNT);
		}
		finally {
			executor.shutdown();
		}

		for (long id : ids) {
			Mitigations.Mitigation mitigation = this.mitigations.ofCase(caseOf(id))
				.stream()
				.filter((m) -> m.id() == id)
				.findFirst()
				.orElseThrow();
			assertThat(mitigation.status()).isEqualTo(MitigationStatus.ACTIVE);
			assertThat(this.audit.entries("case:" + mitigation.caseId())).extracting(AuditLog.Entry::action)
				.containsExactly("mitigation.created", "mitigation.activated");
			assertThat(this.jdbc.sql("""
					select count(*) from outbox_message
					where channel = 'webhook' and idempotency_key like :key and subject = 'mitigation.activated'""")
				.param("key", "mitigation:" + id + ":change:%")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	private long caseOf(long mitigationId) {
		return this.jdbc.sql("select case_id from mitigation where id = :id")
			.param("id", mitigationId)
			.query(Long.class)
			.single();
	}

}
