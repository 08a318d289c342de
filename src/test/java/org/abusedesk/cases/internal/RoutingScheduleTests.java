package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingScheduleTests extends IntegrationTest {

	@Autowired
	private RoutingSchedule schedule;

	/**
	 * The scheduler's one thread also runs the outbox poll and the mitigation jobs: the
	 * router's poll only hands the run to the router's thread, even while a run is under
	 * way (its lock held here).
	 */
	@Test
	void thePollDoesNotWaitForARunUnderWay() {
		synchronized (this.schedule) {
			CompletableFuture<Void> poll = CompletableFuture.runAsync(this.schedule::poll);
			assertThat(poll).succeedsWithin(Duration.ofSeconds(30));
		}
	}

}
