package org.abusedesk.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.audit.AuditLog.Entry;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainWalkTests {

	private static final Instant TIME = Instant.parse("2026-03-01T12:00:00Z");

	private long nextId = 1;

	@Test
	void intactChainsPass() {
		List<Entry> a = chain("a", 3);
		List<Entry> b = chain("b", 2);
		ChainWalk walk = walk(a, b);
		assertThat(walk.broken()).isNull();
		assertThat(walk.checked()).isEqualTo(5);
	}

	@Test
	void namesTheEntryWithAlteredDetails() {
		List<Entry> a = chain("a", 3);
		Entry second = a.get(1);
		a.set(1, new Entry(second.id(), "a", 2, TIME, "system", "x", "{\"forged\":true}", second.prevHash(),
				second.hash()));
		ChainWalk walk = walk(a);
		assertBrokenAt(walk, second).startsWith("hash mismatch in stream a at seq 2: stored " + second.hash());
		assertThat(walk.checked()).isEqualTo(1);
	}

	@Test
	void namesTheEntryAfterAMissingOne() {
		List<Entry> a = chain("a", 3);
		a.remove(1);
		Entry third = a.get(1);
		assertBrokenAt(walk(a), third).isEqualTo("sequence gap in stream a: expected 2, found 3");
	}

	@Test
	void namesAnEntryLinkedToTheWrongPredecessor() {
		List<Entry> a = chain("a", 2);
		Entry second = a.get(1);
		String forgedPrev = "f".repeat(64);
		a.set(1, new Entry(second.id(), "a", 2, TIME, "system", "x", "{}", forgedPrev,
				ChainHash.of("a", 2, TIME, "system", "x", "{}", forgedPrev)));
		assertBrokenAt(walk(a), second).startsWith("link broken in stream a at seq 2");
	}

	@Test
	void aHeadAheadOfTheLastEntryMeansADeletedTail() {
		List<Entry> a = chain("a", 3);
		Entry lost = a.remove(2);
		ChainWalk walk = new ChainWalk();
		a.forEach((entry) -> walk.accept(new ChainWalk.Row(entry, new ChainWalk.Head(3, lost.hash()))));
		walk.finish();
		assertBrokenAt(walk, a.get(1)).startsWith("head of stream a names seq 3");
	}

	/** The walk found its first break at {@code entry}: its problem, to assert on. */
	private static AbstractStringAssert<?> assertBrokenAt(ChainWalk walk, Entry entry) {
		assertThat(walk.broken().entryId()).isEqualTo(entry.id());
		return assertThat(walk.broken().problem());
	}

	private List<Entry> chain(String stream, int length) {
		List<Entry> entries = new ArrayList<>();
		String prev = ChainHash.GENESIS;
		for (long seq = 1; seq <= length; seq++) {
			String hash = ChainHash.of(stream, seq, TIME, "system", "x", "{}", prev);
			entries.add(new Entry(this.nextId++, stream, seq, TIME, "system", "x", "{}", prev, hash));
			prev = hash;
		}
		return entries;
	}

	// Each stream's head names its last entry, as append leaves it.
	@SafeVarargs
	private static ChainWalk walk(List<Entry>... streams) {
		ChainWalk walk = new ChainWalk();
		for (List<Entry> stream : streams) {
			Entry last = stream.get(stream.size() - 1);
			ChainWalk.Head head = new ChainWalk.Head(last.seq(), last.hash());
			for (Entry entry : stream) {
				walk.accept(new ChainWalk.Row(entry, head));
			}
		}
		walk.finish();
		return walk;
	}

}
