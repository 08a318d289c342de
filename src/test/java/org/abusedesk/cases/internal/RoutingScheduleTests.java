package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoutingScheduleTests extends IntegrationTest {

	@Autowired
	private RoutingSchedule schedule;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	/**
	 * The scheduler's one thread also runs the outbox poll and the mitigation jobs: the
	 * router's poll only hands the run to the router's thread, even while a run cannot go
	 * on (here, it waits to claim reports while the table is locked).
	 */
	@Test
	void thePollDoesNotWaitForRunsUnderWay() {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("lock table report in exclusive mode").update();
			// a scheduled poll starts a run, which waits for the table
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingRouters() >= 1);
			CompletableFuture<Void> poll = CompletableFuture.runAsync(this.schedule::poll);
			assertThat(poll).succeedsWithin(Duration.ofSeconds(30));
			status.setRollbackOnly();
		});
	}

	/**
	 * Router connections waiting for a lock to claim reports, read in a transaction of
	 * its own (a transaction sees the same pg_stat_activity throughout).
	 */
	private int waitingRouters() {
		TransactionTemplate own = new TransactionTemplate(this.transaction.getTransactionManager());
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return own.execute((status) -> this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%from report where status = ''submitted''%'""")
			.query(Integer.class)
			.single());
	}

}
