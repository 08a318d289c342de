package org.abusedesk.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
		Optional<ChainWalk.Head> head = selectHeadForUpdate(stream);
		if (head.isEmpty()) {
			Optional<Entry> first = appendFirst(stream, actor, action, canonicalDetails);
			if (first.isPresent()) {
				return first.get();
			}
			// another transaction started the stream at the same time: its head is
			// committed now, so lock it and go on as for any stream
			head = selectHeadForUpdate(stream);
		}
		return appendAfter(head.orElseThrow(), stream, actor, action, canonicalDetails);
	}

	/**
	 * Appends to a stream whose head is locked: the entry and the advanced head in one
	 * statement.
	 */
	private Entry appendAfter(ChainWalk.Head head, String stream, String actor, String action,
			String canonicalDetails) {
		// Read the clock only once the lock is held, so that within a stream time follows
		// seq (on one node; across nodes it is as good as their clocks).
		Instant occurredAt = now();
		long seq = head.lastSeq() + 1;
		String hash = ChainHash.of(stream, seq, occurredAt, actor, action, canonicalDetails, head.lastHash());
		long id = this.jdbc.sql("""
				with entry as (
				    insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				    values (:stream, :seq, :at, :actor, :action, :details, :prev, :hash) returning id),
				head as (
				    update audit_stream set last_seq = :seq, last_hash = :hash where stream = :stream)
				select id from entry""")
			.param("stream", stream)
			.param("seq", seq)
			.param("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("details", canonicalDetails)
			.param("prev", head.lastHash())
			.param("hash", hash)
			.query(Long.class)
			.single();
		return new Entry(id, stream, seq, occurredAt, actor, action, canonicalDetails, head.lastHash(), hash);
	}

	/**
	 * Starts a stream with its first entry: head and entry in one statement. The head is
	 * created already pointing at the entry, and locked by its insertion until the
	 * transaction ends. Empty when another transaction created the head first (the insert
	 * then waits for that one to end and does nothing).
	 */
	private Optional<Entry> appendFirst(String stream, String actor, String action, String canonicalDetails) {
		Instant occurredAt = now();
		String hash = ChainHash.of(stream, 1, occurredAt, actor, action, canonicalDetails, ChainHash.GENESIS);
		return this.jdbc.sql("""
				with head as (
				    insert into audit_stream (stream, last_seq, last_hash) values (:stream, 1, :hash)
				    on conflict (stream) do nothing returning stream)
				insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				select head.stream, 1, :at, :actor, :action, :details, :prev, :hash from head
				returning id""")
			.param("stream", stream)
			.param("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("details", canonicalDetails)
			.param("prev", ChainHash.GENESIS)
			.param("hash", hash)
			.query(Long.class)
			.optional()
			.map((id) -> new Entry(id, stream, 1, occurredAt, actor, action, canonicalDetails, ChainHash.GENESIS,
					hash));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Optional<ChainWalk.Head> selectHeadForUpdate(String stream) {
		return this.jdbc.sql("select last_seq, last_hash from audit_stream where stream = ? for update")
			.param(stream)
			.query((rs, row) -> new ChainWalk.Head(rs.getLong("last_seq"), rs.getString("last_hash")))
			.optional();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One statement for all heads and entries ({@link StreamAppends#start}); every entry
	 * gets the same time, read once.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public List<Entry> startStreams(List<NewStream> streams) {
		Assert.notNull(streams, "streams must not be null");
		Set<String> names = new HashSet<>();
		List<Append> appends = new ArrayList<>();
		for (NewStream stream : streams) {
			Assert.notNull(stream, "streams must not contain null");
			Assert.hasText(stream.stream(), "stream must not be empty");
			Assert.isTrue(names.add(stream.stream()), () -> "stream " + stream.stream() + " is named twice");
			Assert.notEmpty(stream.entries(), () -> "stream " + stream.stream() + " has no entries");
			stream.entries()
				.forEach((entry) -> appends
					.add(new Append(stream.stream(), entry.actor(), entry.action(), entry.details())));
		}
		return new StreamAppends(this.jdbc).start(appends, this::now);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * {@link StreamAppends}: the existing heads locked in one statement, the entries, the
	 * advanced heads and the new ones written in another; every entry gets the same time,
	 * read once the locks are held.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public List<Entry> appendAll(List<Append> appends) {
		Assert.notNull(appends, "appends must not be null");
		return new StreamAppends(this.jdbc).append(appends, this::now);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(String stream) {
		return this.jdbc.sql("select " + EntryRows.COLUMNS + " from audit_entry e where e.stream = ? order by e.seq")
			.param(stream)
			.query((rs, row) -> EntryRows.entry(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> entries(String stream, long beforeSeq, int limit) {
		List<Entry> entries = new ArrayList<>(this.jdbc.sql("select " + EntryRows.COLUMNS
				+ " from audit_entry e where e.stream = :stream and e.seq < :before order by e.seq desc limit :limit")
			.param("stream", stream)
			.param("before", beforeSeq)
			.param("limit", limit)
			.query((rs, row) -> EntryRows.entry(rs))
			.list());
		Collections.reverse(entries);
		return entries;
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
