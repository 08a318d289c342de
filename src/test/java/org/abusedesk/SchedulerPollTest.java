package org.abusedesk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job the scheduler polls: the scheduler's one thread runs every poll (the router's,
 * the outbox's) and the mitigation jobs (a time-boxed emergency block must end on time),
 * so a job's poll only hands the work to the job's own thread, even while a run is under
 * way (the job's lock, held here).
 */
public abstract class SchedulerPollTest extends IntegrationTest {

	private final Object job;

	private final Runnable poll;

	/** The job, whose lock a run holds, and its poll. */
	protected SchedulerPollTest(Object job, Runnable poll) {
		this.job = job;
		this.poll = poll;
	}

	@Test
	void thePollDoesNotWaitForARunUnderWay() {
		synchronized (this.job) {
			CompletableFuture<Void> polled = CompletableFuture.runAsync(this.poll);
			assertThat(polled).succeedsWithin(Duration.ofSeconds(30));
		}
	}

}
