package org.abusedesk.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog.Entry;
import org.abusedesk.audit.AuditLog.NewEntry;
import org.abusedesk.audit.AuditLog.NewStream;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Starts many streams in one statement: their heads, already pointing at their last
 * entries, and their entries. The head rows are inserted without {@code on conflict}, so
 * a stream that exists already fails the whole statement (a unique violation) instead of
 * being skipped; a stream being started by another transaction makes this one wait for
 * it, then fail or go on as that one ends.
 * <p>
 * Entries are hashed here exactly as {@link JdbcAuditLog} hashes an append
 * ({@link ChainHash}, {@link CanonicalJson}); rows travel as one JSON parameter each for
 * heads and entries, the details as the canonical text to store, unchanged.
 */
final class StreamStarts {

	/** For the transport of rows only; what is hashed is {@link CanonicalJson}'s. */
	private static final JsonMapper transport = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	StreamStarts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param occurredAt the time of every entry (microseconds)
	 */
	List<Entry> start(List<NewStream> streams, Instant occurredAt) {
		Set<String> names = new HashSet<>();
		List<Entry> entries = new ArrayList<>();
		List<Map<String, Object>> heads = new ArrayList<>(streams.size());
		for (NewStream stream : streams) {
			Assert.notNull(stream, "streams must not contain null");
			Assert.hasText(stream.stream(), "stream must not be empty");
			Assert.isTrue(names.add(stream.stream()), () -> "stream " + stream.stream() + " is named twice");
			Assert.notEmpty(stream.entries(), () -> "stream " + stream.stream() + " has no entries");
			String prevHash = ChainHash.GENESIS;
			long seq = 0;
			for (NewEntry entry : stream.entries()) {
				Assert.hasText(entry.actor(), "actor must not be empty");
				Assert.hasText(entry.action(), "action must not be empty");
				seq++;
				String details = CanonicalJson.of(entry.details());
				String hash = ChainHash.of(stream.stream(), seq, occurredAt, entry.actor(), entry.action(), details,
						prevHash);
				entries.add(new Entry(0, stream.stream(), seq, occurredAt, entry.actor(), entry.action(), details,
						prevHash, hash));
				prevHash = hash;
			}
			Map<String, Object> head = new LinkedHashMap<>();
			head.put("stream", stream.stream());
			head.put("last_seq", seq);
			head.put("last_hash", prevHash);
			heads.add(head);
		}
		if (streams.isEmpty()) {
			return List.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>(entries.size());
		String at = ChainHash.time(occurredAt);
		for (Entry entry : entries) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("i", rows.size());
			row.put("stream", entry.stream());
			row.put("seq", entry.seq());
			row.put("occurred_at", at);
			row.put("actor", entry.actor());
			row.put("action", entry.action());
			row.put("details", entry.details());
			row.put("prev_hash", entry.prevHash());
			row.put("hash", entry.hash());
			rows.add(row);
		}
		record Key(String stream, long seq) {
		}
		Map<Key, Long> ids = new HashMap<>();
		try {
			// The heads' CTE runs whether or not the entries refer to it; a head that
			// exists already is a unique violation of the whole statement.
			this.jdbc
				.sql("""
						with head as (
						    insert into audit_stream (stream, last_seq, last_hash)
						    select h.stream, h.last_seq, h.last_hash
						    from jsonb_to_recordset(cast(:heads as jsonb)) as h(stream text, last_seq bigint, last_hash text))
						insert into audit_entry (stream, seq, occurred_at, actor, action, details, prev_hash, hash)
						select e.stream, e.seq, e.occurred_at, e.actor, e.action, e.details, e.prev_hash, e.hash
						from jsonb_to_recordset(cast(:entries as jsonb))
						    as e(i int, stream text, seq bigint, occurred_at timestamptz, actor text, action text,
						         details text, prev_hash text, hash text)
						order by e.i
						returning id, stream, seq""")
				.param("heads", transport.writeValueAsString(heads))
				.param("entries", transport.writeValueAsString(rows))
				.query((rs, n) -> ids.put(new Key(rs.getString("stream"), rs.getLong("seq")), rs.getLong("id")))
				.list();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("Cannot start streams that exist already: " + ex.getMostSpecificCause()
				.getMessage()
				.lines()
				.filter((line) -> line.contains("Key"))
				.findFirst()
				.orElse(ex.getMostSpecificCause().getMessage()), ex);
		}
		List<Entry> stored = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			Long id = ids.get(new Key(entry.stream(), entry.seq()));
			Assert.state(id != null, () -> "no id for " + entry.stream() + " seq " + entry.seq());
			stored.add(new Entry(id, entry.stream(), entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
					entry.details(), entry.prevHash(), entry.hash()));
		}
		return stored;
	}

}
