package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nodes restart in the middle of delivering the outbox while another node keeps
 * delivering: every message still arrives exactly once.
 */
class OutboxRestartTests extends IntegrationTest {

	@Autowired
	private Outbox outbox;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void restartsDuringDeliverySendNothingTwice() throws Exception {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String key = "restart:" + batch + ":" + i;
			keys.add(key);
			this.outbox.enqueue(new OutboundMessage(key, "notify_owner", 0L, 0,
					"node-" + batch + "-" + i + "@restart.example", "Subject " + i, "Body " + i));
		}

		// Node B delivers a few messages and stops; node C starts and goes on. Meanwhile
		// the
		// node of this test context polls the same outbox on its own schedule.
		try (ConfigurableApplicationContext nodeB = startNode()) {
			nodeB.getBean(OutboxDispatcher.class).dispatch(5);
		}
		try (ConfigurableApplicationContext nodeC = startNode()) {
			nodeC.getBean(OutboxDispatcher.class).dispatchDue();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from outbox_message where idempotency_key like :prefix " + "and status = 'sent'")
				.param("prefix", "restart:" + batch + ":%")
				.query(Integer.class)
				.single() == keys.size());
		List<String> delivered = Arrays.stream(smtp.getReceivedMessages()).map((message) -> {
			try {
				String[] header = message.getHeader("X-Abusedesk-Idempotency-Key");
				return (header != null) ? header[0] : "";
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).filter((key) -> key.startsWith("restart:" + batch + ":")).toList();
		assertThat(delivered).containsExactlyInAnyOrderElementsOf(keys);
	}

}
