package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery: the idempotency key keeps a message from being queued twice,
 * and a claim without a holder (taken by a version before ADR 0010) is left to the next
 * node only when its lease has ended. Claims with a holder: {@link OutboxCrashTests}.
 */
class OutboxDeliveryTests extends IntegrationTest {

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	private OutboundMessage message(String key, String recipient) {
		return new OutboundMessage(key, "notify_owner", 0L, 0, recipient, "Subject " + key, "Body " + key);
	}

	@Test
	void queueingTheSameMessageTwiceKeepsOne() {
		String key = "test:" + UUID.randomUUID();
		assertThat(this.outbox.enqueue(message(key, "once@twice.example"))).isTrue();
		assertThat(this.outbox.enqueue(message(key, "once@twice.example"))).isFalse();
		assertThat(this.jdbc.sql("select count(*) from outbox_message where idempotency_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aClaimLeftByADeadNodeIsDeliveredOnceAfterItsLeaseEnds() throws Exception {
		String recipient = "crash-" + UUID.randomUUID() + "@restart.example";
		String key = "test:" + UUID.randomUUID();
		// A node claimed the message and died before sending: the row is "sending" under
		// a
		// lease that has not ended. Written in one statement, so that no dispatcher of
		// this
		// context can take the message while it is still pending.
		this.jdbc
			.sql("""
					insert into outbox_message (idempotency_key, kind, report_id, case_id, recipient, subject, body, status,
					    attempts, lease_until)
					values (:key, 'notify_owner', 0, 0, :recipient, :subject, :body, 'sending', 1, now() + interval '1 hour')""")
			.param("key", key)
			.param("recipient", recipient)
			.param("subject", "Subject " + key)
			.param("body", "Body " + key)
			.update();

		this.dispatcher.dispatchDue();
		assertThat(status(key)).isEqualTo("sending");
		assertThat(messagesTo(recipient)).isEmpty();

		// The lease ends: the next node (any dispatcher) takes it over.
		this.jdbc
			.sql("update outbox_message set lease_until = now() - interval '1 second' where idempotency_key = :key")
			.param("key", key)
			.update();
		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(status(key)));
		this.dispatcher.dispatchDue();

		List<MimeMessage> received = messagesTo(recipient);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getMessageID()).isEqualTo(OutboxDispatcher.messageId(key));
		assertThat(received.get(0).getHeader("X-Abusedesk-Idempotency-Key")).containsExactly(key);
	}

	@Test
	void aSentMessageIsNotSentAgainByALaterRun() {
		String recipient = "sent-" + UUID.randomUUID() + "@restart.example";
		String key = "test:" + UUID.randomUUID();
		this.outbox.enqueue(message(key, recipient));
		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(status(key)));
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();
		assertThat(messagesTo(recipient)).hasSize(1);
	}

	/**
	 * A claim takes messages whose lease ran out first, then the longest due, and no more
	 * than its limit; one not due yet stays. Written and claimed in a transaction that is
	 * rolled back, so no dispatcher of this context sees the rows or the claims.
	 */
	@Test
	void aClaimTakesExpiredLeasesThenTheLongestDueUpToItsLimit() {
		String run = UUID.randomUUID().toString();
		this.transaction.executeWithoutResult((status) -> {
			// whatever other tests left claimable is taken first, in this transaction too
			this.outbox.claim("smtp", 1_000_000, Duration.ofMinutes(5));
			insert(run + ":expired", "sending", "now()", "timestamptz '2000-01-01 00:00Z'");
			insert(run + ":due-3", "pending", "timestamptz '2000-01-01 00:03Z'", "null");
			insert(run + ":due-1", "pending", "timestamptz '2000-01-01 00:01Z'", "null");
			insert(run + ":due-2", "pending", "timestamptz '2000-01-01 00:02Z'", "null");
			insert(run + ":later", "pending", "now() + interval '1 hour'", "null");

			assertThat(this.outbox.claim("smtp", 3, Duration.ofMinutes(5))).extracting(Outbox.Row::idempotencyKey)
				.containsExactlyInAnyOrder(run + ":expired", run + ":due-1", run + ":due-2");
			List<String> next = this.outbox.claim("smtp", 1000, Duration.ofMinutes(5))
				.stream()
				.map(Outbox.Row::idempotencyKey)
				.filter((key) -> key.startsWith(run))
				.toList();
			assertThat(next).containsExactly(run + ":due-3");
			status.setRollbackOnly();
		});
	}

	private void insert(String key, String status, String nextAttemptAt, String leaseUntil) {
		this.jdbc
			.sql("""
					insert into outbox_message (idempotency_key, kind, report_id, case_id, recipient, subject, body, status,
					    attempts, next_attempt_at, lease_until)
					values (:key, 'notify_owner', 0, 0, 'claim@order.example', 'Subject', 'Body', :status, 0, %s, %s)"""
				.formatted(nextAttemptAt, leaseUntil))
			.param("key", key)
			.param("status", status)
			.update();
	}

	@Test
	void backoffGrowsAndIsCapped() {
		assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(OutboxDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(OutboxDispatcher.backoff(12)).isEqualTo(Duration.ofHours(6));
	}

	private String status(String key) {
		return this.jdbc.sql("select status from outbox_message where idempotency_key = :key")
			.param("key", key)
			.query(String.class)
			.single();
	}

}
