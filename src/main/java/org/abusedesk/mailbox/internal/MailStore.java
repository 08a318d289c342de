package org.abusedesk.mailbox.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.abusedesk.mailbox.MailTriage.QuarantinedMessage;
import org.abusedesk.mailbox.MailTriage.UnclearReport;
import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportTriage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored messages of the abuse mailbox and the per-sender failure counts. */
@Repository
class MailStore {

	private final JdbcClient jdbc;

	private final ReportTriage triage;

	MailStore(JdbcClient jdbc, ReportTriage triage) {
		this.jdbc = jdbc;
		this.triage = triage;
	}

	record Stored(long id, boolean fresh, String status, MailFormat format, String reason) {

	}

	record FailureRow(String sender, LocalDate day, int count, long lastMessage, String lastReason) {

	}

	/**
	 * Inserts the message, or finds the one with the same bytes.
	 * @return the row; {@code fresh} is false for a message seen before
	 */
	Stored store(byte[] raw, String channel, String envelopeSender) {
		String sha = sha256(raw);
		Optional<Long> inserted = this.jdbc.sql("""
				insert into mail_message (channel, envelope_sender, size, sha256, raw)
				values (:channel, :envelope, :size, :sha, :raw)
				on conflict (sha256) do nothing returning id""")
			.param("channel", channel)
			.param("envelope", clip(envelopeSender, 320))
			.param("size", raw.length)
			.param("sha", sha)
			.param("raw", raw)
			.query(Long.class)
			.optional();
		if (inserted.isPresent()) {
			return new Stored(inserted.get(), true, "received", null, null);
		}
		return this.jdbc.sql("select id, status, format, reason from mail_message where sha256 = :sha")
			.param("sha", sha)
			.query((rs, n) -> new Stored(rs.getLong("id"), false, rs.getString("status"),
					format(rs.getString("format")), rs.getString("reason")))
			.single();
	}

	/** Records the outcome, with what the parser read from the headers. */
	void finish(long id, ParsedMessage parsed, String status, MailFormat format, String reason, String problemsJson) {
		this.jdbc.sql("""
				update mail_message set status = :status, format = :format, reason = :reason,
				       header_sender = :header, message_id = :messageId,
				       problems = cast(:problems as jsonb), processed_at = now() where id = :id""")
			.param("status", status)
			.param("format", (format != null) ? format.wire() : null)
			.param("reason", clip(reason, 2000))
			.param("problems", problemsJson)
			.param("header", clip(parsed.fromAddress(), 320))
			.param("messageId", clip(parsed.messageId(), 998))
			.param("id", id)
			.update();
	}

	/**
	 * Counts a failure of {@code sender} today.
	 * @return the count after this one: 1 means the first failure of the day
	 */
	int countFailure(String sender, long messageId, String reason) {
		return this.jdbc.sql("""
				insert into mail_failure (sender, day, count, last_message, last_reason)
				values (:sender, :day, 1, :message, :reason)
				on conflict (sender, day) do update set count = mail_failure.count + 1,
				       last_message = excluded.last_message, last_reason = excluded.last_reason
				returning count""")
			.param("sender", (sender != null) ? clip(sender, 320) : "(unknown)")
			.param("day", LocalDate.now(ZoneOffset.UTC))
			.param("message", messageId)
			.param("reason", clip(reason, 2000))
			.query(Integer.class)
			.single();
	}

	private static final String QUARANTINED_SELECT = """
			select id, received_at, channel, header_sender, envelope_sender, message_id, size, format, reason
			from mail_message where status = 'quarantined'
			""";

	private static QuarantinedMessage quarantinedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new QuarantinedMessage(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
				rs.getString("channel"), rs.getString("header_sender"), rs.getString("envelope_sender"),
				rs.getString("message_id"), rs.getInt("size"), format(rs.getString("format")), rs.getString("reason"));
	}

	/** The stored format; none before the message was read. */
	private static MailFormat format(String wire) {
		return (wire != null) ? MailFormat.fromWire(wire).orElseThrow() : null;
	}

	List<QuarantinedMessage> quarantined(long before, int limit) {
		return this.jdbc.sql(QUARANTINED_SELECT + "and id < :before order by id desc limit :limit")
			.param("before", before)
			.param("limit", limit)
			.query(MailStore::quarantinedRow)
			.list();
	}

	Optional<QuarantinedMessage> quarantinedMessage(long id) {
		return this.jdbc.sql(QUARANTINED_SELECT + "and id = :id")
			.param("id", id)
			.query(MailStore::quarantinedRow)
			.optional();
	}

	/**
	 * Locks a quarantined message for a person's release until the transaction ends.
	 * @return its original bytes; empty when it is not (or no longer) quarantined
	 */
	Optional<byte[]> lockQuarantined(long id) {
		return this.jdbc.sql("select raw from mail_message where id = :id and status = 'quarantined' for update")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	List<FailureRow> failures(LocalDate since) {
		return this.jdbc.sql("""
				select sender, day, count, last_message, last_reason from mail_failure
				where day >= :since order by day desc, count desc, sender limit 500""")
			.param("since", since)
			.query((rs, n) -> new FailureRow(rs.getString("sender"), rs.getObject("day", LocalDate.class),
					rs.getInt("count"), rs.getLong("last_message"), rs.getString("last_reason")))
			.list();
	}

	Optional<byte[]> quarantinedRaw(long id) {
		return this.jdbc.sql("select raw from mail_message where id = :id and status = 'quarantined'")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	/** The reports filed from a message, for the answer to a duplicate. */
	List<org.abusedesk.intake.MailOutcome.FiledReport> reportsOf(long messageId) {
		return this.jdbc.sql("""
				select r.type, r.tracking_code, r.status,
				       array(select url from report_url u where u.report_id = r.id order by position) as urls,
				       array(select address from report_address a where a.report_id = r.id order by position) as ips,
				       exists (select 1 from mail_type_unclear t where t.report_id = r.id) as unclear
				from report r where r.source = :source order by r.id""")
			.param("source", "mail_message:" + messageId)
			.query((rs, n) -> new org.abusedesk.intake.MailOutcome.FiledReport(rs.getString("type"),
					List.of((String[]) rs.getArray("urls").getArray()),
					List.of((String[]) rs.getArray("ips").getArray()), rs.getString("tracking_code"),
					rs.getString("status"), rs.getBoolean("unclear")))
			.list();
	}

	private static final String UNCLEAR_SELECT = """
			select t.report_id, r.tracking_code, r.type, r.status, r.justification, t.mail_message_id, t.flagged_at,
			       t.chosen_type, t.chosen_by, t.chosen_at,
			       array(select url from report_url u where u.report_id = r.id order by position) as urls,
			       array(select address from report_address a where a.report_id = r.id order by position) as ips
			from mail_type_unclear t join report r on r.id = t.report_id
			""";

	private static UnclearReport unclearRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp chosen = rs.getTimestamp("chosen_at");
		return new UnclearReport(rs.getLong("report_id"), rs.getString("tracking_code"), rs.getString("type"),
				rs.getString("status"), List.of((String[]) rs.getArray("urls").getArray()),
				List.of((String[]) rs.getArray("ips").getArray()), rs.getString("justification"),
				rs.getLong("mail_message_id"), rs.getTimestamp("flagged_at").toInstant(), rs.getString("chosen_type"),
				rs.getString("chosen_by"), (chosen != null) ? chosen.toInstant() : null);
	}

	/** The flagged reports still without a type picked, oldest first. */
	List<UnclearReport> unclear(long after, int limit) {
		return this.jdbc
			.sql(UNCLEAR_SELECT + "where t.chosen_type is null and t.report_id > :after "
					+ "order by t.report_id limit :limit")
			.param("after", after)
			.param("limit", limit)
			.query(MailStore::unclearRow)
			.list();
	}

	Optional<UnclearReport> unclearRow(long reportId) {
		return this.jdbc.sql(UNCLEAR_SELECT + "where t.report_id = :id")
			.param("id", reportId)
			.query(MailStore::unclearRow)
			.optional();
	}

	/**
	 * Locks a flagged report's flag while it waits for its type, so that two people
	 * picking at once pick once.
	 * @return whether it waits for its type
	 */
	boolean lockOpen(long reportId) {
		return this.jdbc
			.sql("select report_id from mail_type_unclear where report_id = :id and chosen_type is null for update")
			.param("id", reportId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/**
	 * Records the type a person picked for a flagged report (locked by
	 * {@link #lockOpen}).
	 */
	void markChosen(long reportId, String type, String by) {
		this.jdbc.sql("""
				update mail_type_unclear set chosen_type = :type, chosen_by = :by, chosen_at = now()
				where report_id = :id""").param("type", type).param("by", by).param("id", reportId).update();
	}

	/**
	 * Flags a report filed from a message that did not say its type (type_unclear) and
	 * holds it from its decision until a person picks the type.
	 */
	void flagTypeUnclear(long reportId, long messageId) {
		this.jdbc.sql("""
				insert into mail_type_unclear (report_id, mail_message_id) values (:report, :message)
				on conflict (report_id) do nothing""").param("report", reportId).param("message", messageId).update();
		this.triage.hold(reportId);
	}

	/** The ids of the reports with these tracking codes (upper case). */
	List<Long> reportsByTrackingCode(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id from report where tracking_code = any(:codes) order by id")
			.param("codes", codes.toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	static String sha256(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clip(String value, int max) {
		String text = ParsedMessage.printable(value);
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
