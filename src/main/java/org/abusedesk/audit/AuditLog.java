package org.abusedesk.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log. Every state change appends one entry, in the
 * caller's transaction. Entries are chained per stream (one stream per aggregate, e.g.
 * {@code report:42}, {@code case:7}), so writers to different aggregates never wait for
 * one another (docs/adr/0003).
 */
public interface AuditLog {

	/**
	 * Appends an entry to {@code stream}, joining the current transaction (or starting
	 * one). Until that transaction ends, other appends to the same stream wait; appends
	 * to other streams do not. If the transaction rolls back, so does the entry.
	 * @param stream the aggregate the entry is about, e.g. {@code report:42}
	 * @param actor who acted: {@code system}, {@code staff:alice}, {@code reporter}, ...
	 * @param action what happened, e.g. {@code report.received}
	 * @param details facts of the change; serialised canonically (sorted keys at every
	 * level, no whitespace, times as ISO-8601 strings); {@code null} is stored as
	 * {@code {}}
	 * @return the stored entry with its hash
	 * @throws IllegalArgumentException when stream, actor or action is empty
	 */
	Entry append(String stream, String actor, String action, Map<String, ?> details);

	/**
	 * Appends many entries, to streams new or existing, in the current transaction (or
	 * one of its own), in two statements however many there are: for the work of many
	 * aggregates done at once (reports routed in a batch). The entries of one stream are
	 * chained in the order given, exactly as {@link #append} would chain them, so
	 * {@link #verify()} cannot tell the two apart. The heads are locked in the order of
	 * their names, so that two such calls never deadlock on each other.
	 * @param appends the entries, in order within each stream
	 * @return the stored entries, in the order given
	 * @throws IllegalArgumentException when a stream, actor or action is empty
	 */
	List<Entry> appendAll(List<Append> appends);

	/**
	 * An entry for {@link #appendAll}, as for {@link #append}.
	 *
	 * @param stream the aggregate the entry is about, e.g. {@code report:42}
	 * @param details facts of the change, serialised canonically; {@code null} is stored
	 * as {@code {}}
	 */
	record Append(String stream, String actor, String action, Map<String, ?> details) {

	}

	/**
	 * Starts many new streams at once, each with its first entries (seq 1, 2, ...), in
	 * the current transaction (or one of its own): the heads and the entries in one
	 * statement, however many streams there are. For aggregates created many at a time
	 * (the reports of a batch), where {@link #append} would cost a statement per entry.
	 * The entries are chained exactly as {@link #append} chains them, so
	 * {@link #verify()} cannot tell the two apart.
	 * <p>
	 * It never skips: when one of the streams exists already (or is being started by a
	 * transaction that has not ended yet, which this call then waits for), it throws and
	 * writes nothing, and the caller's transaction can only roll back. Use it only for
	 * streams that cannot exist yet, such as those of rows just inserted.
	 * @param streams new streams, each named once, each with at least one entry
	 * @return the stored entries with their hashes: stream by stream in the order given,
	 * each stream's in order of {@code seq}
	 * @throws IllegalArgumentException when a stream is named twice, has no entries, or
	 * an entry has no actor or action
	 * @throws IllegalStateException when a stream exists already
	 */
	List<Entry> startStreams(List<NewStream> streams);

	/**
	 * A stream that does not exist yet, with its first entries.
	 *
	 * @param stream the aggregate, e.g. {@code report:42}
	 * @param entries its first entries, in order
	 */
	record NewStream(String stream, List<NewEntry> entries) {

		public NewStream {
			entries = List.copyOf(entries);
		}

	}

	/**
	 * An entry to be written, as for {@link #append}.
	 *
	 * @param details facts of the change, serialised canonically; {@code null} is stored
	 * as {@code {}}
	 */
	record NewEntry(String actor, String action, Map<String, ?> details) {

	}

	/**
	 * The entries of one stream in order of {@code seq}; empty for an unknown stream.
	 */
	List<Entry> entries(String stream);

	/**
	 * A page of one stream: the newest {@code limit} entries with a {@code seq} below
	 * {@code beforeSeq}, in order of {@code seq}; for a stream too long to show whole.
	 * @param beforeSeq {@link Long#MAX_VALUE} for the newest entries
	 */
	List<Entry> entries(String stream, long beforeSeq, int limit);

	/**
	 * Recomputes every chain. Stops at the first entry whose hash, link or sequence does
	 * not match, or whose stream's head does not name it as the last entry (a deleted
	 * tail). "First" is in walk order: by stream, then seq. Reads page by page on one
	 * snapshot, so it needs little memory and sees no half-finished appends.
	 */
	Verification verify();

	/**
	 * @param details the facts as stored and hashed (canonical JSON, or null); written
	 * into JSON answers as the object it is, not as a string
	 */
	record Entry(long id, String stream, long seq, Instant occurredAt, String actor, String action,
			@JsonRawValue String details, String prevHash, String hash) {
	}

	/**
	 * @param intact whether every chain matched
	 * @param entriesChecked entries verified (before the broken one, when broken)
	 * @param firstBrokenEntryId the id of the first entry that does not match (for a head
	 * that disagrees, the stream's last remaining entry), or 0 when intact or when a
	 * head's stream has no entries left at all
	 * @param problem what does not match, for people; null when intact
	 */
	record Verification(boolean intact, long entriesChecked, long firstBrokenEntryId, String problem) {
	}

}
