package org.abusedesk.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.abusedesk.catalog.DeliveryPreference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices waiting for their recipient's next digest. */
@Repository
class DigestStore {

	/** A notice waiting for a digest. */
	record Item(long id, String idempotencyKey, String recipient, String kind, long reportId, long caseId,
			String trackingCode, DeliveryPreference.Format format, String summary, String attachment,
			Instant createdAt) {

	}

	private final JdbcClient jdbc;

	DigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds notices, each unless one with the same idempotency key exists, due after their
	 * recipient's interval.
	 * @return the idempotency keys added
	 */
	Set<String> addAll(List<Item> items, List<Integer> minutes) {
		if (items.isEmpty()) {
			return Set.of();
		}
		int n = items.size();
		String[] keys = new String[n];
		String[] recipients = new String[n];
		String[] kinds = new String[n];
		long[] reports = new long[n];
		long[] cases = new long[n];
		String[] codes = new String[n];
		String[] formats = new String[n];
		String[] summaries = new String[n];
		String[] attachments = new String[n];
		int[] waits = new int[n];
		for (int i = 0; i < n; i++) {
			Item item = items.get(i);
			keys[i] = item.idempotencyKey();
			recipients[i] = item.recipient();
			kinds[i] = item.kind();
			reports[i] = item.reportId();
			cases[i] = item.caseId();
			codes[i] = item.trackingCode();
			formats[i] = item.format().wire();
			summaries[i] = item.summary();
			attachments[i] = item.attachment();
			waits[i] = minutes.get(i);
		}
		return Set.copyOf(this.jdbc
			.sql("""
					insert into digest_item (idempotency_key, recipient, kind, report_id, case_id, tracking_code, format,
					                         summary, attachment, due_at)
					select m.key, m.recipient, m.kind, m.report, m."case", m.code, m.format, m.summary, m.attachment,
					       now() + make_interval(mins => m.wait)
					from unnest(cast(:keys as text[]), cast(:recipients as text[]), cast(:kinds as text[]),
					            cast(:reports as bigint[]), cast(:cases as bigint[]), cast(:codes as text[]),
					            cast(:formats as text[]), cast(:summaries as text[]), cast(:attachments as text[]),
					            cast(:waits as int[]))
					    with ordinality as m(key, recipient, kind, report, "case", code, format, summary, attachment, wait, i)
					order by m.i
					on conflict (idempotency_key) do nothing
					returning idempotency_key""")
			.param("keys", keys)
			.param("recipients", recipients)
			.param("kinds", kinds)
			.param("reports", reports)
			.param("cases", cases)
			.param("codes", codes)
			.param("formats", formats)
			.param("summaries", summaries)
			.param("attachments", attachments)
			.param("waits", waits)
			.query(String.class)
			.list());
	}

	/** Recipients whose oldest waiting notice is due, at most {@code limit}. */
	List<String> dueRecipients(int limit) {
		return this.jdbc.sql("""
				select recipient from digest_item where digest_key is null and due_at <= now()
				group by recipient order by min(due_at) limit :limit""")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Claims every waiting notice of a recipient, oldest first (at most {@code limit}),
	 * for the caller's transaction; notices another node holds are skipped.
	 */
	List<Item> claim(String recipient, int limit) {
		return this.jdbc.sql("""
				select * from digest_item where recipient = :recipient and digest_key is null
				order by id limit :limit for update skip locked""")
			.param("recipient", recipient)
			.param("limit", limit)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("recipient"),
					rs.getString("kind"), rs.getLong("report_id"), rs.getLong("case_id"), rs.getString("tracking_code"),
					DeliveryPreference.Format.fromWire(rs.getString("format")).orElseThrow(), rs.getString("summary"),
					rs.getString("attachment"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void markDigested(List<Long> ids, String digestKey) {
		this.jdbc.sql("update digest_item set digest_key = :key where id = any(:ids)")
			.param("key", digestKey)
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	/** Queues the digest itself in the outbox (no report or case: it spans many). */
	boolean enqueueDigest(String key, String recipient, String subject, String body, String attachments) {
		return this.jdbc.sql("""
				insert into outbox_message (idempotency_key, kind, recipient, subject, body, attachments)
				values (:key, 'digest', :recipient, :subject, :body, :attachments)
				on conflict (idempotency_key) do nothing""")
			.param("key", key)
			.param("recipient", recipient)
			.param("subject", subject)
			.param("body", body)
			.param("attachments", attachments)
			.update() == 1;
	}

}
