package org.abusedesk.audit;

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
	 * Appends an entry to {@code stream}, joining the current transaction.
	 * @param stream the aggregate the entry is about, e.g. {@code report:42}
	 * @param actor who acted: {@code system}, {@code staff:alice}, {@code reporter}, ...
	 * @param action what happened, e.g. {@code report.received}
	 * @param details facts of the change; serialised canonically (sorted keys)
	 * @return the stored entry with its hash
	 */
	Entry append(String stream, String actor, String action, Map<String, ?> details);

	/** The entries of one stream in order. */
	List<Entry> entries(String stream);

	/**
	 * Recomputes every chain. Stops at the first entry whose hash, link or sequence does
	 * not match.
	 */
	Verification verify();

	record Entry(long id, String stream, long seq, Instant occurredAt, String actor, String action, String details,
			String prevHash, String hash) {
	}

	/**
	 * @param intact whether every chain matched
	 * @param entriesChecked entries verified (before the broken one, when broken)
	 * @param firstBrokenEntryId the id of the first entry that does not match, or 0
	 * @param problem what does not match, for people; null when intact
	 */
	record Verification(boolean intact, long entriesChecked, long firstBrokenEntryId, String problem) {
	}

}
