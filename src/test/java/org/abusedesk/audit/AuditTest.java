package org.abusedesk.audit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.abusedesk.IntegrationTest;
import org.awaitility.Awaitility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log on the running desk's database, for the tests of its chains: the log, the
 * database, its transactions, and the ways those tests hold a transaction open, wait for
 * a writer to queue on a lock and check that every chain still verifies.
 */
public abstract class AuditTest extends IntegrationTest {

	/** The previous hash of every stream's first entry. */
	protected static final String GENESIS = "0".repeat(64);

	@Autowired
	protected AuditLog audit;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PlatformTransactionManager transactions;

	/** Runs {@code work} in a transaction of its own on this thread. */
	protected void inTransaction(Consumer<TransactionStatus> work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(work);
	}

	/** Runs {@code work} in a transaction that is then rolled back. */
	protected void rolledBack(Runnable work) {
		inTransaction((status) -> {
			work.run();
			status.setRollbackOnly();
		});
	}

	/**
	 * Runs {@code work} in a transaction on another thread and returns once it has done
	 * so, with the transaction (and the locks it took) still open until
	 * {@link HeldTransaction#release()}.
	 */
	protected HeldTransaction holdTransaction(Runnable work) {
		CompletableFuture<Void> held = new CompletableFuture<>();
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> done = CompletableFuture.runAsync(() -> inTransaction((status) -> {
			work.run();
			held.complete(null);
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}));
		CompletableFuture.anyOf(held, done).join();
		return new HeldTransaction(release, done);
	}

	/**
	 * Waits until a statement whose text is {@code like} the pattern waits for a lock
	 * another transaction holds.
	 */
	protected void awaitAStatementWaitingForALock(String like) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :like")
				.param("like", like)
				.query(Integer.class)
				.single() > 0);
	}

	/** Every chain of the log verifies, the problem named if one does not. */
	protected void assertEveryChainIntact() {
		AuditLog.Verification verification = this.audit.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
	}

	/** A transaction kept open on another thread by {@link #holdTransaction}. */
	protected record HeldTransaction(CountDownLatch releaser, CompletableFuture<Void> done) {

		/** Lets the transaction commit. */
		public void release() {
			this.releaser.countDown();
		}

		/** Waits for the transaction to commit, failing as its work failed. */
		public void committed() throws Exception {
			this.done.get();
		}

	}

}
