package org.abusedesk.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.abusedesk.audit.AuditLog.Entry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuditConcurrencyTests extends AuditTest {

	@Test
	void concurrentAppendsToOneStreamGiveAGapFreeChain() throws Exception {
		String stream = "case:" + UUID.randomUUID();
		int writers = 4;
		int appendsEach = 25;
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				String actor = "staff:writer" + w;
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < appendsEach; i++) {
						this.audit.append(stream, actor, "case.noted", Map.of("i", i));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}

		List<Entry> entries = this.audit.entries(stream);
		assertThat(entries).hasSize(writers * appendsEach);
		for (int i = 0; i < entries.size(); i++) {
			assertThat(entries.get(i).seq()).isEqualTo(i + 1);
			if (i > 0) {
				assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
			}
		}
		assertEveryChainIntact();
	}

	@Test
	void aWriterWaitsOnlyForWritersOfTheSameStream() throws Exception {
		String held = "report:" + UUID.randomUUID();
		String other = "report:" + UUID.randomUUID();
		this.audit.append(held, "system", "report.received", Map.of());
		HeldTransaction holder = holdTransaction(() -> this.audit.append(held, "system", "report.decided", Map.of()));
		try {
			// lock_timeout turns "would wait" into an error instead of a hang, whatever
			// the
			// machine's speed: the holder keeps its lock until released below.
			inTransaction((status) -> {
				this.jdbc.sql("set local lock_timeout = '30s'").update();
				this.audit.append(other, "system", "report.received", Map.of());
			});
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> inTransaction((status) -> {
				this.jdbc.sql("set local lock_timeout = '50ms'").update();
				this.audit.append(held, "system", "report.closed", Map.of());
			}))
				.satisfies((ex) -> assertThat(((SQLException) ex.getMostSpecificCause()).getSQLState())
					.as("lock_not_available")
					.isEqualTo("55P03"));
		}
		finally {
			holder.release();
			holder.committed();
		}
		assertThat(this.audit.entries(other)).hasSize(1);
		assertThat(this.audit.entries(held)).extracting(Entry::action)
			.containsExactly("report.received", "report.decided");
	}

	@Test
	void twoTransactionsStartingTheSameStreamChainOneAfterTheOther() throws Exception {
		String stream = "case:" + UUID.randomUUID();
		HeldTransaction first = holdTransaction(() -> this.audit.append(stream, "system", "case.opened", Map.of()));
		CompletableFuture<Void> second;
		try {
			// the second finds no head yet, tries to create it and waits for the first
			second = CompletableFuture.runAsync(() -> this.audit.append(stream, "staff:ana", "case.noted", Map.of()));
			awaitAStatementWaitingForALock("%insert into audit_stream%");
		}
		finally {
			first.release();
		}
		first.committed();
		second.get();
		assertThat(this.audit.entries(stream)).extracting(Entry::seq, Entry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "case.opened"),
					org.assertj.core.groups.Tuple.tuple(2L, "case.noted"));
		List<Entry> entries = this.audit.entries(stream);
		assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
		assertEveryChainIntact();
	}

}
