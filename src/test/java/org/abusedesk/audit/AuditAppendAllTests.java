package org.abusedesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.abusedesk.audit.AuditLog.Append;
import org.abusedesk.audit.AuditLog.Entry;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@link AuditLog#appendAll}: many entries to many streams, new and existing, chained as
 * appends one by one would be.
 */
class AuditAppendAllTests extends AuditTest implements WithQuickTheories {

	@Test
	void chainsEachStreamInTheOrderGivenAfterWhatItHeld() {
		String existing = "report:" + UUID.randomUUID();
		String fresh = "case:" + UUID.randomUUID();
		Entry first = this.audit.append(existing, "reporter", "report.received", Map.of());

		List<Entry> appended = this.audit
			.appendAll(List.of(new Append(existing, "system", "report.decided", Map.of("n", 1)),
					new Append(fresh, "system", "case.opened", Map.of("n", 2)),
					new Append(existing, "system", "report.decided", Map.of("n", 3)),
					new Append(fresh, "system", "case.report_attached", null)));

		assertThat(appended).extracting(Entry::stream, Entry::seq, Entry::action)
			.containsExactly(tuple(existing, 2L, "report.decided"), tuple(fresh, 1L, "case.opened"),
					tuple(existing, 3L, "report.decided"), tuple(fresh, 2L, "case.report_attached"));
		assertThat(appended.get(0).prevHash()).isEqualTo(first.hash());
		assertThat(appended.get(1).prevHash()).isEqualTo(GENESIS);
		assertThat(appended.get(2).prevHash()).isEqualTo(appended.get(0).hash());
		assertThat(appended.get(3).prevHash()).isEqualTo(appended.get(1).hash());
		assertThat(appended.get(3).details()).isEqualTo("{}");
		assertThat(this.audit.entries(existing)).containsExactly(first, appended.get(0), appended.get(2));
		assertThat(this.audit.entries(fresh)).containsExactly(appended.get(1), appended.get(3));

		Entry next = this.audit.append(fresh, "staff:ana", "case.forwarded", Map.of());
		assertThat(next.seq()).isEqualTo(3);
		assertThat(next.prevHash()).isEqualTo(appended.get(3).hash());
		assertEveryChainIntact();
	}

	/**
	 * Whatever the mix of streams, each reads back as the chain of its entries in order.
	 */
	@Test
	void anyMixOfStreamsReadsBackAsTheirChains() {
		qt().withExamples(25)
			.forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 30), booleans().all())
			.checkAssert((picks, oneExists) -> {
				String prefix = "report:" + UUID.randomUUID() + "-";
				List<Entry> before = new ArrayList<>();
				if (oneExists) {
					before.add(this.audit.append(prefix + 0, "reporter", "report.received", Map.of()));
				}
				List<Append> appends = new ArrayList<>();
				for (int i = 0; i < picks.size(); i++) {
					appends.add(new Append(prefix + picks.get(i), "system", "step", Map.of("i", i)));
				}
				List<Entry> appended = this.audit.appendAll(appends);
				assertThat(appended).extracting(Entry::stream)
					.containsExactlyElementsOf(appends.stream().map(Append::stream).toList());
				for (int stream = 0; stream < 4; stream++) {
					String name = prefix + stream;
					List<Entry> expected = new ArrayList<>(name.equals(prefix + 0) ? before : List.of());
					appended.stream().filter((entry) -> entry.stream().equals(name)).forEach(expected::add);
					List<Entry> stored = this.audit.entries(name);
					assertThat(stored).containsExactlyElementsOf(expected);
					for (int seq = 0; seq < stored.size(); seq++) {
						assertThat(stored.get(seq).seq()).isEqualTo(seq + 1);
						assertThat(stored.get(seq).prevHash())
							.isEqualTo((seq == 0) ? GENESIS : stored.get(seq - 1).hash());
					}
				}
			});
		assertEveryChainIntact();
	}

	@Test
	void joinsTheCallersTransactionAndLeavesNoHeadWhenItRollsBack() {
		String stream = "case:" + UUID.randomUUID();
		rolledBack(() -> this.audit.appendAll(List.of(new Append(stream, "system", "case.opened", Map.of()))));
		assertThat(this.audit.entries(stream)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from audit_stream where stream = :stream")
			.param("stream", stream)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.audit.append(stream, "system", "case.opened", Map.of()).seq()).isEqualTo(1);
	}

	/**
	 * Two batches over the same streams, named in opposite orders, at the same moment:
	 * the heads are locked in the order of their names, so neither waits for the other in
	 * a cycle (PostgreSQL would abort one as a deadlock).
	 */
	@Test
	void batchesOverTheSameStreamsInOppositeOrdersDoNotDeadlock() throws Exception {
		for (int round = 0; round < 10; round++) {
			String a = "case:" + UUID.randomUUID();
			String b = "report:" + UUID.randomUUID();
			this.audit.append(a, "system", "case.opened", Map.of());
			this.audit.append(b, "reporter", "report.received", Map.of());
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<List<Entry>> forward = CompletableFuture.supplyAsync(() -> {
				awaitTogether(together);
				return this.audit
					.appendAll(List.of(new Append(a, "system", "x", Map.of()), new Append(b, "system", "x", Map.of())));
			});
			CompletableFuture<List<Entry>> backward = CompletableFuture.supplyAsync(() -> {
				awaitTogether(together);
				return this.audit
					.appendAll(List.of(new Append(b, "system", "y", Map.of()), new Append(a, "system", "y", Map.of())));
			});
			assertThat(forward.get()).hasSize(2);
			assertThat(backward.get()).hasSize(2);
			assertThat(this.audit.entries(a)).extracting(Entry::seq).containsExactly(1L, 2L, 3L);
			assertThat(this.audit.entries(b)).extracting(Entry::seq).containsExactly(1L, 2L, 3L);
		}
		assertEveryChainIntact();
	}

	/**
	 * An append to a stream a batch is creating waits for the batch, then goes on after
	 * it.
	 */
	@Test
	void anAppendToAStreamABatchIsCreatingWaitsForIt() throws Exception {
		String stream = "case:" + UUID.randomUUID();
		HeldTransaction batch = holdTransaction(
				() -> this.audit.appendAll(List.of(new Append(stream, "system", "case.opened", Map.of()))));
		CompletableFuture<Entry> single;
		try {
			single = CompletableFuture
				.supplyAsync(() -> this.audit.append(stream, "staff:ana", "case.noted", Map.of()));
			awaitAStatementWaitingForALock("%insert into audit_stream%on conflict (stream) do nothing%");
		}
		finally {
			batch.release();
		}
		batch.committed();
		assertThat(single.get().seq()).isEqualTo(2);
		assertThat(this.audit.entries(stream)).extracting(Entry::action).containsExactly("case.opened", "case.noted");
	}

	@Test
	void refusesEntriesWithoutStreamActorOrAction() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audit.appendAll(List.of(new Append("", "system", "x", Map.of()))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audit.appendAll(List.of(new Append("case:1", "", "x", Map.of()))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audit.appendAll(List.of(new Append("case:1", "system", " ", Map.of()))));
		assertThat(this.audit.appendAll(List.of())).isEmpty();
	}

}
