package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.abusedesk.IntegrationTest;
import org.abusedesk.audit.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 9: a crash during delivery re-sent the whole claimed batch (every
 * message was recorded as sent only once the batch had gone) and delayed the rest by the
 * five-minute lease. The messages the server took are now recorded in small groups
 * ({@link OutboxDispatcher#RECORD_EVERY}) as soon as it took them, and the claims of a
 * node whose heartbeat stopped are taken over at once.
 */
class OutboxCrashTests extends IntegrationTest {

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private OutboxSchedule schedule;

	@Autowired
	private OutboxWakeup wakeup;

	@Autowired
	private ObjectProvider<JavaMailSender> mail;

	@Autowired
	private AuditLog audit;

	@Autowired
	private TransactionTemplate transaction;

	/** The process died: nothing after it runs, nothing catches it. */
	private static final class Crash extends Error {

	}

	@Test
	void crashDuringDeliveryResendsAtMostTheGroupInFlight() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		// a node whose heartbeat is fresh for the whole test (it beats only here)
		OutboxNode dying = new OutboxNode(this.jdbc, "dying-" + run, Duration.ofHours(1), Duration.ofMinutes(20));
		dying.beat();
		// it dies right after the SMTP server took its second group, before recording it
		Outbox crashing = new Outbox(this.jdbc, this.wakeup, dying) {

			private int groups;

			@Override
			Set<Long> markAllSent(List<Long> ids) {
				if (++this.groups == 2) {
					throw new Crash();
				}
				return super.markAllSent(ids);
			}

		};
		OutboxDispatcher dyingDispatcher = new OutboxDispatcher(crashing, this.mail, this.audit, this.transaction,
				"abuse@abusedesk.invalid", Duration.ofHours(1), dying);
		List<String> keys = new ArrayList<>();
		// this node's own deliveries wait meanwhile, so that the dying node claims them
		// all
		synchronized (this.schedule) {
			this.dispatcher.dispatchDue();
			for (int i = 0; i < 20; i++) {
				String key = "crash:" + run + ":" + i;
				keys.add(key);
				this.outbox.enqueue(new OutboundMessage(key, "notify_owner", 0L, 0,
						"crash-" + run + "-" + i + "@crash.example", "Subject " + i, "Body " + i));
			}
			assertThatThrownBy(dyingDispatcher::dispatchDue).isInstanceOf(Crash.class);
		}
		int group = OutboxDispatcher.RECORD_EVERY;
		assertThat(sentCount("crash:" + run + ":%")).isEqualTo(group);

		// its heartbeat stops; the claims it left are taken over without waiting for the
		// lease of an hour
		this.jdbc.sql("update outbox_node set last_seen = now() - interval '1 hour' where node_id = :id")
			.param("id", dying.id())
			.update();
		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(30)).until(() -> sentCount("crash:" + run + ":%") == keys.size());

		Map<String, List<MimeMessage>> received = receivedByKey("crash:" + run + ":");
		assertThat(received).containsOnlyKeys(keys);
		List<String> twice = received.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().size() > 1)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(twice).containsExactlyInAnyOrderElementsOf(keys.subList(group, 2 * group));
		for (String key : twice) {
			assertThat(received.get(key)).hasSize(2)
				.extracting(MimeMessage::getMessageID)
				.containsOnly(OutboxDispatcher.messageId(key));
		}
	}

	@Test
	void restartedNodeTakesOverItsExpiredClaimsAtOnce() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String dead = "dead-" + run;
		List<String> keys = List.of("dead:" + run + ":0", "dead:" + run + ":1", "dead:" + run + ":2");
		// a node claimed three messages under a lease of an hour, and its heartbeat
		// stopped a minute ago
		this.jdbc.sql("insert into outbox_node (node_id, last_seen) values (:node, now() - interval '1 minute')")
			.param("node", dead)
			.update();
		for (String key : keys) {
			insertClaimed(key, dead);
		}

		this.dispatcher.dispatchDue();
		await().atMost(Duration.ofSeconds(30)).until(() -> sentCount("dead:" + run + ":%") == keys.size());

		Map<String, List<MimeMessage>> received = receivedByKey("dead:" + run + ":");
		assertThat(received).containsOnlyKeys(keys);
		assertThat(received.values()).allSatisfy((messages) -> assertThat(messages).hasSize(1));
	}

	@Test
	void claimsOfALiveNodeAreNotTakenOver() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		OutboxNode live = new OutboxNode(this.jdbc, "live-" + run, Duration.ofSeconds(30), Duration.ofSeconds(10));
		live.beat();
		String key = "live:" + run + ":0";
		insertClaimed(key, live.id());
		try {
			this.dispatcher.dispatchDue();
			assertThat(sentCount("live:" + run + ":%")).isZero();
			assertThat(receivedByKey("live:" + run + ":")).isEmpty();
			assertThat(this.jdbc.sql("select claimed_by from outbox_message where idempotency_key = :key")
				.param("key", key)
				.query(String.class)
				.single()).isEqualTo(live.id());
		}
		finally {
			this.jdbc.sql("delete from outbox_message where idempotency_key = :key").param("key", key).update();
		}
	}

	private void insertClaimed(String key, String node) {
		this.jdbc.sql("""
				insert into outbox_message (idempotency_key, kind, report_id, case_id, recipient, subject, body, status,
				    attempts, lease_until, claimed_by)
				values (:key, 'notify_owner', 0, 0, :recipient, 'Subject', 'Body', 'sending', 1,
				    now() + interval '1 hour', :node)""")
			.param("key", key)
			.param("recipient", key.replace(':', '-') + "@claims.example")
			.param("node", node)
			.update();
	}

	private int sentCount(String pattern) {
		return queryOne(Integer.class,
				"select count(*) from outbox_message where idempotency_key like ? and status = 'sent'", pattern);
	}

	private static Map<String, List<MimeMessage>> receivedByKey(String prefix) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> key(message).startsWith(prefix))
			.collect(Collectors.groupingBy(OutboxCrashTests::key));
	}

	private static String key(MimeMessage message) {
		try {
			String[] header = message.getHeader("X-Abusedesk-Idempotency-Key");
			return (header != null) ? header[0] : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
