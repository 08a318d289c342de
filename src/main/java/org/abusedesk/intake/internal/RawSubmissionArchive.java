package org.abusedesk.intake.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.abusedesk.problems.FieldError;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every submission exactly as received. {@link #store} commits on its own, before
 * anything parses the body, so that nothing a reporter sent is lost to a failed check.
 * <p>
 * That commit does not wait for its WAL flush ({@code synchronous_commit = off}): the
 * answer to the reporter always follows a second, synchronous commit (the report, or the
 * outcome {@code invalid}), and PostgreSQL flushes the WAL in order, so by the time a
 * reporter hears anything the raw submission is on disk too. One flush per report instead
 * of two (docs/adr/0005).
 */
@Repository
class RawSubmissionArchive {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final InvalidBodyQuota quota;

	RawSubmissionArchive(JdbcClient jdbc, ObjectMapper json, InvalidBodyQuota quota) {
		this.jdbc = jdbc;
		this.json = json;
		this.quota = quota;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long store(String channel, String reportType, String clientAddress, byte[] body) {
		// the setting and the row in one statement (set_config, local to the transaction)
		return this.jdbc.sql("""
				insert into raw_submission (channel, report_type, client_address, body, sha256)
				select :channel, :type, :client, :body, :sha
				from (select set_config('synchronous_commit', 'off', true)) as asynchronous
				returning id""")
			.param("channel", channel)
			.param("type", reportType)
			.param("client", clientAddress)
			.param("body", body)
			.param("sha", sha256(body))
			.query(Long.class)
			.single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void markInvalid(long id, List<FieldError> errors) {
		record Row(String clientAddress, long bytes) {
		}
		Row row = this.jdbc.sql("""
				update raw_submission set outcome = 'invalid', errors = cast(:errors as jsonb) where id = :id
				returning client_address, length(body) as bytes""")
			.param("errors", this.json.writeValueAsString(errors))
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString("client_address"), rs.getLong("bytes")))
			.optional()
			.orElse(null);
		if (row != null && row.clientAddress() != null && !this.quota.charge(row.clientAddress(), row.bytes())) {
			// over the client's quota of the day: the hash, size and errors stay
			this.jdbc.sql("""
					update raw_submission set body_withheld_bytes = length(body), body = ''::bytea
					where id = :id and not held""").param("id", id).update();
		}
	}

	/** A batch whose items were each accepted or rejected on their own. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void markProcessed(long id) {
		this.jdbc.sql("update raw_submission set outcome = 'stored' where id = :id").param("id", id).update();
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
