package org.abusedesk.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.abusedesk.audit.AuditLog.Append;
import org.abusedesk.audit.AuditLog.Entry;
import tools.jackson.databind.json.JsonMapper;

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
 * so heads and entries take one statement. Rows travel as one JSON parameter each.
 */
final class StreamAppends {

	/** For the transport of rows only; what is hashed is {@link CanonicalJson}'s. */
	private static final JsonMapper transport = JsonMapper.builder().build();

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
		List<Map<String, Object>> rows = new ArrayList<>(appends.size());
		for (int i = 0; i < appends.size(); i++) {
			Append append = appends.get(i);
			ChainWalk.Head head = heads.get(append.stream());
			long seq = head.lastSeq() + 1;
			String hash = ChainHash.of(append.stream(), seq, occurredAt, append.actor(), append.action(),
					details.get(i), head.lastHash());
			entries.add(new Entry(0, append.stream(), seq, occurredAt, append.actor(), append.action(), details.get(i),
					head.lastHash(), hash));
			heads.put(append.stream(), new ChainWalk.Head(seq, hash));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("i", i);
			row.put("stream", append.stream());
			row.put("seq", seq);
			row.put("occurred_at", at);
			row.put("actor", append.actor());
			row.put("action", append.action());
			row.put("details", details.get(i));
			row.put("prev_hash", head.lastHash());
			row.put("hash", hash);
			rows.add(row);
		}
		List<Map<String, Object>> advanced = new ArrayList<>(heads.size());
		List<Map<String, Object>> firsts = new ArrayList<>(started.size());
		heads.forEach((stream, head) -> (started.contains(stream) ? firsts : advanced)
			.add(Map.of("stream", stream, "last_seq", head.lastSeq(), "last_hash", head.lastHash())));
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			positions.put(key(entries.get(i).stream(), entries.get(i).seq()), i);
		}
		Map<Integer, Long> ids = new HashMap<>();
		try {
			insert(rows, advanced, firsts, positions, ids);
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

	private void insert(List<Map<String, Object>> rows, List<Map<String, Object>> advanced,
			List<Map<String, Object>> firsts, Map<String, Integer> positions, Map<Integer, Long> ids) {
		this.jdbc.sql("""
				with entry as (
				    insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
				    select e.stream, e.seq, e.occurred_at, e.actor, e.action, e.details, e.prev_hash, e.hash
				    from jsonb_to_recordset(cast(:entries as jsonb))
				        as e(i int, stream text, seq bigint, occurred_at timestamptz, actor text, action text,
				             details text, prev_hash text, hash text)
				    order by e.i
				    returning id, stream, seq),
				head as (
				    update audit_stream s set last_seq = h.last_seq, last_hash = h.last_hash
				    from jsonb_to_recordset(cast(:heads as jsonb)) as h(stream text, last_seq bigint, last_hash text)
				    where s.stream = h.stream),
				started as (
				    insert into audit_stream (stream, last_seq, last_hash)
				    select h.stream, h.last_seq, h.last_hash
				    from jsonb_to_recordset(cast(:started as jsonb)) as h(stream text, last_seq bigint, last_hash text))
				select id, stream, seq from entry""")
			.param("entries", transport.writeValueAsString(rows))
			.param("heads", transport.writeValueAsString(advanced))
			.param("started", transport.writeValueAsString(firsts))
			.query((rs, n) -> ids.put(positions.get(key(rs.getString("stream"), rs.getLong("seq"))), rs.getLong("id")))
			.list();
	}

	/** The heads of the streams that exist, locked in the order of their names. */
	private Map<String, ChainWalk.Head> lockHeads(TreeSet<String> streams) {
		Map<String, ChainWalk.Head> heads = new HashMap<>();
		this.jdbc.sql("""
				select stream, last_seq, last_hash from audit_stream
				where stream in (select jsonb_array_elements_text(cast(:streams as jsonb)))
				order by stream for update""")
			.param("streams", transport.writeValueAsString(List.copyOf(streams)))
			.query((rs, n) -> heads.put(rs.getString("stream"),
					new ChainWalk.Head(rs.getLong("last_seq"), rs.getString("last_hash"))))
			.list();
		return heads;
	}

	private static String key(String stream, long seq) {
		return seq + " " + stream;
	}

}
