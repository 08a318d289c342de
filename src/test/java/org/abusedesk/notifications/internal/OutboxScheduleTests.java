package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxScheduleTests extends IntegrationTest {

	@Autowired
	private OutboxSchedule schedule;

	/**
	 * The scheduler's one thread also runs the router's poll and the mitigation jobs (a
	 * time-boxed emergency block must end on time): the outbox poll only hands delivery
	 * to the outbox's thread, even while a delivery is under way (its lock held here).
	 */
	@Test
	void thePollDoesNotWaitForADeliveryUnderWay() {
		synchronized (this.schedule) {
			CompletableFuture<Void> poll = CompletableFuture.runAsync(this.schedule::poll);
			assertThat(poll).succeedsWithin(Duration.ofSeconds(30));
		}
	}

}
