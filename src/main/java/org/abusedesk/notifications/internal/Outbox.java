package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Delivery is claimed row by row with {@code FOR UPDATE SKIP LOCKED},
 * so any number of nodes share it without a coordinator. A claim is a lease held by a
 * node ({@link OutboxNode}): a node that dies mid-delivery leaves rows that another node
 * takes over as soon as the dead node's heartbeat is older than the node timeout, or at
 * the latest when the lease ends.
 */
@Repository
class Outbox {

	/**
	 * @param attachments the files sent with it (JSON, see {@link Attachment}), or
	 * {@code null}; not shown in listings
	 */
	record Row(long id, String idempotencyKey, String kind, Long reportId, Long caseId, String recipient,
			String subject, String body, String status, int attempts, Instant createdAt, Instant sentAt,
			String lastError, @com.fasterxml.jackson.annotation.JsonIgnore String attachments) {
	}

	private final JdbcClient jdbc;

	private final OutboxWakeup wakeup;

	private final OutboxNode node;

	Outbox(JdbcClient jdbc, OutboxWakeup wakeup, OutboxNode node) {
		this.jdbc = jdbc;
		this.wakeup = wakeup;
		this.node = node;
	}

	/** Queues a message unless one with the same idempotency key exists. */
	boolean enqueue(OutboundMessage message) {
		return !enqueueAll(List.of(message)).isEmpty();
	}

	/**
	 * Queues many messages in one statement, each unless one with the same idempotency
	 * key exists.
	 * @return the idempotency keys of the messages queued
	 */
	Set<String> enqueueAll(List<OutboundMessage> messages) {
		if (messages.isEmpty()) {
			return Set.of();
		}
		int n = messages.size();
		String[] keys = new String[n];
		String[] kinds = new String[n];
		Long[] reports = new Long[n];
		long[] cases = new long[n];
		String[] recipients = new String[n];
		String[] subjects = new String[n];
		String[] bodies = new String[n];
		for (int i = 0; i < n; i++) {
			OutboundMessage message = messages.get(i);
			keys[i] = message.idempotencyKey();
			kinds[i] = message.kind();
			reports[i] = message.reportId();
			cases[i] = message.caseId();
			recipients[i] = message.recipient();
			subjects[i] = message.subject();
			bodies[i] = message.body();
		}
		// one array per column: no JSON to write (it was most of the router's time)
		Set<String> queued = new HashSet<>(this.jdbc.sql("""
				insert into outbox_message (idempotency_key, kind, report_id, case_id, recipient, subject, body)
				select m.key, m.kind, m.report, m."case", m.recipient, m.subject, m.body
				from unnest(cast(:keys as text[]), cast(:kinds as text[]), cast(:reports as bigint[]),
				            cast(:cases as bigint[]), cast(:recipients as text[]), cast(:subjects as text[]),
				            cast(:bodies as text[]))
				    with ordinality as m(key, kind, report, "case", recipient, subject, body, i)
				order by m.i
				on conflict (idempotency_key) do nothing
				returning idempotency_key""")
			.param("keys", keys)
			.param("kinds", kinds)
			.param("reports", reports)
			.param("cases", cases)
			.param("recipients", recipients)
			.param("subjects", subjects)
			.param("bodies", bodies)
			.query(String.class)
			.list());
		if (!queued.isEmpty()) {
			this.wakeup.queued();
		}
		return queued;
	}

	/**
	 * Queues a message with attachments (an X-ARF report, a feedback report) unless one
	 * with the same idempotency key exists.
	 * @param attachments JSON, see {@link Attachment}
	 */
	boolean enqueueWithAttachments(OutboundMessage message, String attachments) {
		boolean queued = this.jdbc.sql("""
				insert into outbox_message (idempotency_key, kind, report_id, case_id, recipient, subject, body,
				                            attachments)
				values (:key, :kind, :report, :case, :recipient, :subject, :body, :attachments)
				on conflict (idempotency_key) do nothing""")
			.param("key", message.idempotencyKey())
			.param("kind", message.kind())
			.param("report", message.reportId())
			.param("case", message.caseId())
			.param("recipient", message.recipient())
			.param("subject", message.subject())
			.param("body", message.body())
			.param("attachments", attachments)
			.update() == 1;
		if (queued) {
			this.wakeup.queued();
		}
		return queued;
	}

	/** Tells the dispatchers that messages were queued by another path (digests). */
	void queuedElsewhere() {
		this.wakeup.queued();
	}

	/**
	 * Queues a signed webhook (the signature is computed at each attempt, with a fresh
	 * timestamp) unless one with the same idempotency key exists.
	 * @param url the endpoint; its secret stays in the configuration
	 * @param event the change, e.g. {@code mitigation.activated}
	 * @param body the JSON to post
	 */
	boolean enqueueWebhook(String idempotencyKey, long caseId, String url, String event, String body) {
		boolean queued = this.jdbc.sql("""
				insert into outbox_message (idempotency_key, channel, kind, case_id, recipient, subject, body)
				values (:key, 'webhook', 'webhook', :case, :url, :event, :body)
				on conflict (idempotency_key) do nothing""")
			.param("key", idempotencyKey)
			.param("case", caseId)
			.param("url", url)
			.param("event", event)
			.param("body", body)
			.update() == 1;
		if (queued) {
			this.wakeup.queued();
		}
		return queued;
	}

	/** Claims up to {@code limit} due emails for {@code lease}; commits on its own. */
	List<Row> claim(int limit, Duration lease) {
		return claim("smtp", limit, lease);
	}

	/**
	 * Claims up to {@code limit} due messages of one channel ({@code smtp} or
	 * {@code webhook}) for {@code lease} on behalf of this node: first those whose holder
	 * has not been seen for the node timeout (it died) or whose lease ran out, then the
	 * longest due, each read from its own index in order, so that a claim does not read
	 * every waiting message to take the first few, and locks no more rows than it takes;
	 * commits on its own. A claim without a holder (taken by an older version) waits for
	 * its lease. The claimed messages are answered longest due first, the order they are
	 * sent and recorded in groups: an update returns its rows in whatever order its plan
	 * read them.
	 */
	List<Row> claim(String channel, int limit, Duration lease) {
		return this.jdbc
			.sql("""
					with expired as (
					    select id from outbox_message m
					    where status = 'sending' and channel = :channel
					      and (lease_until < now()
					           or (claimed_by is not null and not exists (
					               select 1 from outbox_node n
					               where n.node_id = m.claimed_by and n.last_seen > now() - make_interval(secs => :timeout))))
					    order by lease_until limit :limit
					    for update skip locked),
					due as (
					    select id from outbox_message
					    where status = 'pending' and channel = :channel and next_attempt_at <= now()
					    order by channel, next_attempt_at, id limit (:limit - (select count(*) from expired))
					    for update skip locked),
					claimed as (
					    update outbox_message set status = 'sending', attempts = attempts + 1, claimed_by = :node,
					        lease_until = now() + make_interval(secs => :lease)
					    where id in (select id from expired union all select id from due)
					    returning *)
					select * from claimed order by next_attempt_at, id""")
			.param("channel", channel)
			.param("lease", lease.toSeconds())
			.param("limit", limit)
			.param("node", this.node.id())
			.param("timeout", this.node.timeout().toMillis() / 1000.0)
			.query(Outbox::map)
			.list();
	}

	/**
	 * Records a delivery, as soon as the server took the message; false when the claim
	 * was lost to another node meanwhile. A status secret in the body is not kept once
	 * the reporter has it. The commit of the caller's transaction does not wait for its
	 * WAL flush ({@code synchronous_commit = off}, set here for that transaction only):
	 * only a crash of the database itself, not of this node, can lose the record, and
	 * then the message is sent again with the same Message-ID and idempotency key, as
	 * after any crash between sending and recording (docs/adr/0010).
	 */
	Set<Long> markAllSent(List<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				update outbox_message set status = 'sent', sent_at = now(), lease_until = null, last_error = null,
				    claimed_by = null,
				    body = regexp_replace(body, 'secret=[A-Za-z0-9_-]+', 'secret=[redacted]', 'g')
				from (select set_config('synchronous_commit', 'off', true)) as asynchronous
				where id = any(:ids) and status = 'sending' and claimed_by = :node
				returning id""")
			.param("ids", ids.toArray(Long[]::new))
			.param("node", this.node.id())
			.query(Long.class)
			.list());
	}

	boolean markSent(long id) {
		return this.jdbc.sql("""
				update outbox_message set status = 'sent', sent_at = now(), lease_until = null, last_error = null,
				    claimed_by = null,
				    body = regexp_replace(body, 'secret=[A-Za-z0-9_-]+', 'secret=[redacted]', 'g')
				from (select set_config('synchronous_commit', 'off', true)) as asynchronous
				where id = :id and status = 'sending' and claimed_by = :node""")
			.param("id", id)
			.param("node", this.node.id())
			.update() == 1;
	}

	/** The messages to a report's reporter, newest last. */
	List<Row> toReporter(long reportId) {
		return this.jdbc.sql("""
				select * from outbox_message where report_id = :report and kind = 'notify_reporter' order by id""")
			.param("report", reportId)
			.query(Outbox::map)
			.list();
	}

	/**
	 * The messages of {@code kind} about the cases of one customer account, newest first.
	 */
	List<Row> toAccount(String accountRef, String kind, int limit, long beforeId) {
		return this.jdbc.sql("""
				select m.* from outbox_message m join abuse_case c on c.id = m.case_id
				where c.account_ref = :account and m.kind = :kind and m.id < :before
				order by m.id desc limit :limit""")
			.param("account", accountRef)
			.param("kind", kind)
			.param("before", beforeId)
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	void markFailed(long id, String error, Duration retryIn, boolean giveUp) {
		this.jdbc.sql("""
				update outbox_message set status = :status, lease_until = null, claimed_by = null,
				    last_error = :error, next_attempt_at = now() + make_interval(secs => :retry)
				where id = :id and status = 'sending' and claimed_by = :node""")
			.param("node", this.node.id())
			.param("status", giveUp ? "failed" : "pending")
			.param("error", error)
			.param("retry", retryIn.toSeconds())
			.param("id", id)
			.update();
	}

	List<Row> list(String status, Long reportId, int limit, long afterId) {
		return this.jdbc.sql("""
				select * from outbox_message
				where (cast(:status as text) is null or status = :status)
				  and (cast(:report as bigint) is null or report_id = :report)
				  and id > :after
				order by id limit :limit""")
			.param("status", status)
			.param("report", reportId)
			.param("after", afterId)
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	private static Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp sent = rs.getTimestamp("sent_at");
		return new Row(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
				rs.getObject("report_id", Long.class), rs.getObject("case_id", Long.class), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), (sent != null) ? sent.toInstant() : null,
				rs.getString("last_error"), rs.getString("attachments"));
	}

}
