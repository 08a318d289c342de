package org.abusedesk.audit.internal;

import java.util.Objects;

import org.abusedesk.audit.AuditLog.Entry;

/**
 * Checks entries handed to it in walk order (stream, then seq) and remembers just enough
 * of the previous entry to check the next, so a walk over any number of entries needs
 * constant memory. The first problem is final: once broken, the walk accepts nothing
 * more.
 */
final class ChainWalk {

	/** The head row of a stream as read along with an entry; null when it is missing. */
	record Head(long lastSeq, String lastHash) {
	}

	/** An entry with the head of its stream. */
	record Row(Entry entry, Head head) {
	}

	/** The first entry that does not match, and why. */
	record Broken(long entryId, String problem) {
	}

	private Row previous;

	private long checked;

	private Broken broken;

	/**
	 * Checks the next entry in walk order.
	 * @return false once the walk is broken, so that the caller can stop reading
	 */
	boolean accept(Row row) {
		if (this.broken != null) {
			return false;
		}
		Entry entry = row.entry();
		boolean continues = this.previous != null && this.previous.entry().stream().equals(entry.stream());
		if (!continues && this.previous != null) {
			this.broken = checkHead(this.previous);
			if (this.broken != null) {
				return false;
			}
		}
		long expectedSeq = continues ? this.previous.entry().seq() + 1 : 1;
		String expectedPrevHash = continues ? this.previous.entry().hash() : ChainHash.GENESIS;
		this.broken = check(entry, expectedSeq, expectedPrevHash);
		if (this.broken != null) {
			return false;
		}
		this.checked++;
		this.previous = row;
		return true;
	}

	/** Ends the walk: the last stream's head is checked like every other. */
	void finish() {
		if (this.broken == null && this.previous != null) {
			this.broken = checkHead(this.previous);
		}
	}

	long checked() {
		return this.checked;
	}

	Broken broken() {
		return this.broken;
	}

	private static Broken check(Entry entry, long expectedSeq, String expectedPrevHash) {
		if (entry.seq() != expectedSeq) {
			return new Broken(entry.id(), "sequence gap in stream %s: expected %d, found %d".formatted(entry.stream(),
					expectedSeq, entry.seq()));
		}
		if (!entry.prevHash().equals(expectedPrevHash)) {
			return new Broken(entry.id(),
					"link broken in stream %s at seq %d: prev_hash %s but the entry before has hash %s"
						.formatted(entry.stream(), entry.seq(), entry.prevHash(), expectedPrevHash));
		}
		String computed = ChainHash.of(entry.stream(), entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
				entry.details(), entry.prevHash());
		if (!entry.hash().equals(computed)) {
			return new Broken(entry.id(), "hash mismatch in stream %s at seq %d: stored %s computed %s"
				.formatted(entry.stream(), entry.seq(), entry.hash(), computed));
		}
		return null;
	}

	// A tail deleted behind the triggers' back leaves a chain that is intact in itself;
	// only the head, written by every append, still knows how long it was.
	private static Broken checkHead(Row last) {
		Entry entry = last.entry();
		Head head = last.head();
		if (head == null) {
			return new Broken(entry.id(), "stream %s has no head".formatted(entry.stream()));
		}
		if (head.lastSeq() != entry.seq() || !Objects.equals(head.lastHash(), entry.hash())) {
			return new Broken(entry.id(),
					"head of stream %s names seq %d (hash %s) but the last entry is seq %d (hash %s)"
						.formatted(entry.stream(), head.lastSeq(), head.lastHash(), entry.seq(), entry.hash()));
		}
		return null;
	}

}
