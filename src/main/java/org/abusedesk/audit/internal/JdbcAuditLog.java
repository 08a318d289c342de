package org.abusedesk.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The audit log in PostgreSQL. An append locks only the head row of its own stream, so it
 * waits only for writers of the same aggregate, and only until they commit.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	@Autowired
	JdbcAuditLog(JdbcClient jdbc) {
		this(jdbc, Clock.systemUTC());
	}

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public Entry append(String stream, String actor, String action, Map<String, ?> details) {
		Assert.hasText(stream, "stream must not be empty");
		Assert.hasText(actor, "actor must not be empty");
		Assert.hasText(action, "action must not be empty");
		String canonicalDetails = CanonicalJson.of(details);
		ChainWalk.Head head = lockHead(stream);
		// Read the clock only once the lock is held, so that within a stream time follows
		// seq
		// (on one node; across nodes it is as good as their clocks).
		Instant occurredAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long seq = head.lastSeq() + 1;
		String hash = ChainHash.of(stream, seq, occurredAt, actor, action, canonicalDetails, head.lastHash());
		long id = this.jdbc.sql("""
				insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(stream, seq, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), actor, action, canonicalDetails,
					head.lastHash(), hash)
			.query(Long.class)
			.single();
		this.jdbc.sql("update audit_stream set last_seq = ?, last_hash = ? where stream = ?")
			.params(seq, hash, stream)
			.update();
		return new Entry(id, stream, seq, occurredAt, actor, action, canonicalDetails, head.lastHash(), hash);
	}

	/**
	 * Locks the head row of {@code stream} until the transaction ends, creating it for
	 * the first entry. Two first appends to a new stream both insert; the second waits
	 * for the first to commit, does nothing, and then locks the committed row.
	 */
	private ChainWalk.Head lockHead(String stream) {
		Optional<ChainWalk.Head> head = selectHeadForUpdate(stream);
		if (head.isPresent()) {
			return head.get();
		}
		this.jdbc.sql("insert into audit_stream (stream, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
			.params(stream, ChainHash.GENESIS)
			.update();
		return selectHeadForUpdate(stream).orElseThrow();
	}

	private Optional<ChainWalk.Head> selectHeadForUpdate(String stream) {
		return this.jdbc.sql("select last_seq, last_hash from audit_stream where stream = ? for update")
			.param(stream)
			.query((rs, row) -> new ChainWalk.Head(rs.getLong("last_seq"), rs.getString("last_hash")))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(String stream) {
		return this.jdbc.sql("select " + EntryRows.COLUMNS + " from audit_entry e where e.stream = ? order by e.seq")
			.param(stream)
			.query((rs, row) -> EntryRows.entry(rs))
			.list();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Runs on one snapshot (repeatable read), so that entries appended while the walk is
	 * under way cannot look like a head that ran ahead of its chain.
	 */
	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		return new ChainVerifier(this.jdbc).verify();
	}

}
