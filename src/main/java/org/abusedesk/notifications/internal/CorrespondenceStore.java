package org.abusedesk.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers to our messages, kept in the case they belong to. */
@Repository
class CorrespondenceStore {

	/**
	 * One message received in a case.
	 *
	 * @param party whom we had written to: {@code host}, {@code owner}, {@code reporter}
	 * or {@code unknown}
	 * @param kind {@code reply}, {@code auto_reply} or {@code bounce}
	 */
	record CorrespondenceEntry(long id, long caseId, Long reportId, long mailMessageId, Long outboxMessageId,
			String kind, String party, String sender, String subject, String body, Instant receivedAt) {

	}

	/** The outbound message an answer refers to. */
	record Sent(long id, String kind, Long reportId, Long caseId) {

	}

	private final JdbcClient jdbc;

	CorrespondenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first of these Message-IDs that we sent, nearest first. */
	Optional<Sent> sent(List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, kind, report_id, case_id from outbox_message
				where message_id = any(:ids)
				order by array_position(:ids, message_id) limit 1""")
			.param("ids", messageIds.toArray(String[]::new))
			.query((rs, n) -> new Sent(rs.getLong("id"), rs.getString("kind"), rs.getObject("report_id", Long.class),
					rs.getObject("case_id", Long.class)))
			.optional();
	}

	/** The case a report is attached to. */
	Optional<Long> caseOf(long reportId) {
		return this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.optional();
	}

	long add(long caseId, Long reportId, long mailMessageId, Long outboxMessageId, String kind, String party,
			String sender, String subject, String body) {
		return this.jdbc.sql("""
				insert into case_correspondence
				    (case_id, report_id, mail_message_id, outbox_message_id, kind, party, sender, subject, body)
				values (:case, :report, :mail, :outbox, :kind, :party, :sender, :subject, :body) returning id""")
			.param("case", caseId)
			.param("report", reportId)
			.param("mail", mailMessageId)
			.param("outbox", outboxMessageId)
			.param("kind", kind)
			.param("party", party)
			.param("sender", clip(sender, 320))
			.param("subject", clip(subject, 998))
			.param("body", body)
			.query(Long.class)
			.single();
	}

	/** A case's correspondence, oldest first. */
	List<CorrespondenceEntry> ofCase(long caseId, long after, int limit) {
		return this.jdbc.sql("""
				select * from case_correspondence where case_id = :case and id > :after order by id limit :limit""")
			.param("case", caseId)
			.param("after", after)
			.param("limit", limit)
			.query((rs, n) -> new CorrespondenceEntry(rs.getLong("id"), rs.getLong("case_id"),
					rs.getObject("report_id", Long.class), rs.getLong("mail_message_id"),
					rs.getObject("outbox_message_id", Long.class), rs.getString("kind"), rs.getString("party"),
					rs.getString("sender"), rs.getString("subject"), rs.getString("body"),
					rs.getTimestamp("received_at").toInstant()))
			.list();
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
