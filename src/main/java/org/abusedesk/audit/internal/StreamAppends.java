package org.abusedesk.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.abusedesk.audit.AuditLog.Append;
import org.abusedesk.audit.AuditLog.Entry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Appends many entries to many streams in two statements.
 * <ol>
 * <li>The heads of the streams that exist are locked ({@code for update}) in the order of
 * their names, so that two batches never wait for each other in a cycle.</li>
 * <li>The entries, chained in Java ({@link ChainHash}, {@link CanonicalJson}, as an
 * append chains them), the advanced heads, and the heads of new streams, already pointing
 * at their last entries, in one statement. A new stream's head is inserted without
 * {@code on conflict}: were another transaction starting the same stream at the same
 * moment, this one fails instead of forking the chain.</li>
 * </ol>
 * {@link #start} skips the first step: every stream is new (the reports just inserted),
 * so heads and entries take one statement. Rows travel as arrays, one per column (a JSON
 * document per statement cost the router half of its time in writing it).
 */
final class StreamAppends {

	private final JdbcClient jdbc;

	StreamAppends(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param clock the time of every entry, read once the heads are locked
	 */
	List<Entry> append(List<Append> appends, Supplier<Instant> clock) {
		return write(appends, clock, false);
	}

	/**
	 * Starts new streams: no head is looked for, all are inserted, in one statement with
	 * the entries; one that exists already fails the whole statement.
	 * @throws IllegalStateException when a stream exists already
	 */
	List<Entry> start(List<Append> appends, Supplier<Instant> clock) {
		return write(appends, clock, true);
	}

	private List<Entry> write(List<Append> appends, Supplier<Instant> clock, boolean onlyNew) {
		if (appends.isEmpty()) {
			return List.of();
		}
		TreeSet<String> streams = new TreeSet<>();
		List<String> details = new ArrayList<>(appends.size());
		for (Append append : appends) {
			Assert.notNull(append, "appends must not contain null");
			Assert.hasText(append.stream(), "stream must not be empty");
			Assert.hasText(append.actor(), "actor must not be empty");
			Assert.hasText(append.action(), "action must not be empty");
			streams.add(append.stream());
			details.add(CanonicalJson.of(append.details()));
		}
		Map<String, ChainWalk.Head> heads = onlyNew ? new HashMap<>() : lockHeads(streams);
		Set<String> started = new HashSet<>();
		for (String stream : streams) {
			if (!heads.containsKey(stream)) {
				started.add(stream);
				heads.put(stream, new ChainWalk.Head(0, ChainHash.GENESIS));
			}
		}
		Instant occurredAt = clock.get();
		String at = ChainHash.time(occurredAt);
		List<Entry> entries = new ArrayList<>(appends.size());
		Columns rows = new Columns(appends.size());
		for (int i = 0; i < appends.size(); i++) {
			Append append = appends.get(i);
			ChainWalk.Head head = heads.get(append.stream());
			long seq = head.lastSeq() + 1;
			String hash = ChainHash.of(append.stream(), seq, occurredAt, append.actor(), append.action(),
					details.get(i), head.lastHash());
			entries.add(new Entry(0, append.stream(), seq, occurredAt, append.actor(), append.action(), details.get(i),
					head.lastHash(), hash));
			heads.put(append.stream(), new ChainWalk.Head(seq, hash));
			rows.add(i, append, seq, details.get(i), head.lastHash(), hash);
		}
		Heads advanced = new Heads(heads.size() - started.size());
		Heads firsts = new Heads(started.size());
		heads.forEach((stream, head) -> (started.contains(stream) ? firsts : advanced).add(stream, head));
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			positions.put(key(entries.get(i).stream(), entries.get(i).seq()), i);
		}
		Map<Integer, Long> ids = new HashMap<>();
		try {
			insert(at, rows, advanced, firsts, positions, ids);
		}
		catch (DuplicateKeyException ex) {
			String detail = ex.getMostSpecificCause().getMessage();
			throw new IllegalStateException("Cannot start streams that exist already: "
					+ detail.lines().filter((line) -> line.contains("Key")).findFirst().orElse(detail), ex);
		}
		List<Entry> stored = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			Long id = ids.get(i);
			Assert.state(id != null, () -> "no id for " + entry.stream() + " seq " + entry.seq());
			stored.add(new Entry(id, entry.stream(), entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
					entry.details(), entry.prevHash(), entry.hash()));
		}
		return stored;
	}

	private void insert(String at, Columns rows, Heads advanced, Heads firsts, Map<String, Integer> positions,
			Map<Integer, Long> ids) {
		this.jdbc.sql("""
				with entry as (
				    insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				    select e.stream, e.seq, cast(:at as timestamptz), e.actor, e.action, e.details, e.prev_hash, e.hash
				    from unnest(cast(:streams as text[]), cast(:seqs as bigint[]), cast(:actors as text[]),
				                cast(:actions as text[]), cast(:details as text[]), cast(:prevHashes as text[]),
				                cast(:hashes as text[]))
				        with ordinality as e(stream, seq, actor, action, details, prev_hash, hash, i)
				    order by e.i
				    returning id, stream, seq),
				head as (
				    update audit_stream s set last_seq = h.last_seq, last_hash = h.last_hash
				    from unnest(cast(:headStreams as text[]), cast(:headSeqs as bigint[]), cast(:headHashes as text[]))
				        as h(stream, last_seq, last_hash)
				    where s.stream = h.stream),
				started as (
				    insert into audit_stream (stream, last_seq, last_hash)
				    select * from unnest(cast(:startedStreams as text[]), cast(:startedSeqs as bigint[]),
				                         cast(:startedHashes as text[])))
				select id, stream, seq from entry""")
			.param("at", at)
			.param("streams", rows.streams)
			.param("seqs", rows.seqs)
			.param("actors", rows.actors)
			.param("actions", rows.actions)
			.param("details", rows.details)
			.param("prevHashes", rows.prevHashes)
			.param("hashes", rows.hashes)
			.param("headStreams", advanced.streams())
			.param("headSeqs", advanced.seqs())
			.param("headHashes", advanced.hashes())
			.param("startedStreams", firsts.streams())
			.param("startedSeqs", firsts.seqs())
			.param("startedHashes", firsts.hashes())
			.query((rs, n) -> ids.put(positions.get(key(rs.getString("stream"), rs.getLong("seq"))), rs.getLong("id")))
			.list();
	}

	/** The heads of the streams that exist, locked in the order of their names. */
	private Map<String, ChainWalk.Head> lockHeads(TreeSet<String> streams) {
		Map<String, ChainWalk.Head> heads = new HashMap<>();
		this.jdbc.sql("""
				select stream, last_seq, last_hash from audit_stream
				where stream = any(cast(:streams as text[]))
				order by stream for update""")
			.param("streams", streams.toArray(new String[0]))
			.query((rs, n) -> heads.put(rs.getString("stream"),
					new ChainWalk.Head(rs.getLong("last_seq"), rs.getString("last_hash"))))
			.list();
		return heads;
	}

	/** The entries to insert, a column each: they travel as arrays, one per column. */
	private static final class Columns {

		final String[] streams;

		final long[] seqs;

		final String[] actors;

		final String[] actions;

		final String[] details;

		final String[] prevHashes;

		final String[] hashes;

		Columns(int size) {
			this.streams = new String[size];
			this.seqs = new long[size];
			this.actors = new String[size];
			this.actions = new String[size];
			this.details = new String[size];
			this.prevHashes = new String[size];
			this.hashes = new String[size];
		}

		void add(int i, Append append, long seq, String details, String prevHash, String hash) {
			this.streams[i] = append.stream();
			this.seqs[i] = seq;
			this.actors[i] = append.actor();
			this.actions[i] = append.action();
			this.details[i] = details;
			this.prevHashes[i] = prevHash;
			this.hashes[i] = hash;
		}

	}

	/** Stream heads to write, a column each. */
	private static final class Heads {

		private final List<String> streams;

		private final List<Long> seqs;

		private final List<String> hashes;

		Heads(int size) {
			this.streams = new ArrayList<>(size);
			this.seqs = new ArrayList<>(size);
			this.hashes = new ArrayList<>(size);
		}

		void add(String stream, ChainWalk.Head head) {
			this.streams.add(stream);
			this.seqs.add(head.lastSeq());
			this.hashes.add(head.lastHash());
		}

		String[] streams() {
			return this.streams.toArray(new String[0]);
		}

		long[] seqs() {
			return this.seqs.stream().mapToLong(Long::longValue).toArray();
		}

		String[] hashes() {
			return this.hashes.toArray(new String[0]);
		}

	}

	private static String key(String stream, long seq) {
		return seq + " " + stream;
	}

}
