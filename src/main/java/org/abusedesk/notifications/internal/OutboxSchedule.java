package org.abusedesk.notifications.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox (emails and webhooks): soon after this node queued messages (on
 * commit, {@link OutboxWakeup}; wake-ups at most one batch window apart, so that under
 * load the messages of many reports leave together over one connection), and by polling
 * for everything else (other nodes' messages, retries, leases that ran out). Every node
 * may run it: claims keep each message to one node.
 * {@code abusedesk.outbox.schedule-enabled=false} leaves delivery to explicit calls
 * (tests).
 */
@Component
@ConditionalOnProperty(name = { "abusedesk.jobs.enabled", "abusedesk.outbox.schedule-enabled" }, havingValue = "true",
		matchIfMissing = true)
class OutboxSchedule {

	private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

	private final OutboxDispatcher dispatcher;

	private final WebhookDelivery webhooks;

	/**
	 * One delivery run at a time on behalf of wake-ups; more wake-ups meanwhile make one
	 * more run.
	 */
	private final ScheduledExecutorService onQueued = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "outbox-wakeup");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean runPending = new AtomicBoolean();

	private final AtomicLong lastRun = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));

	private final long batchWindowNanos;

	OutboxSchedule(OutboxDispatcher dispatcher, WebhookDelivery webhooks, OutboxWakeup wakeup,
			NotificationProperties properties) {
		this.dispatcher = dispatcher;
		this.webhooks = webhooks;
		this.batchWindowNanos = TimeUnit.MILLISECONDS.toNanos(properties.outbox().batchWindowMs());
		wakeup.listen(this::wake);
	}

	/**
	 * Hands the delivery to the outbox's own thread: the scheduler's single thread also
	 * runs the router's poll and the mitigation jobs (a time-boxed emergency block must
	 * end on time), which a long delivery under load must not hold up.
	 */
	@Scheduled(fixedDelayString = "${abusedesk.outbox.poll-interval-ms:500}")
	void poll() {
		wake();
	}

	/** One delivery at a time on this node. */
	private synchronized void deliver() {
		this.dispatcher.dispatchDue();
		this.webhooks.dispatchDue();
	}

	private void wake() {
		if (!this.runPending.compareAndSet(false, true)) {
			return;
		}
		long delay = Math.max(0, this.lastRun.get() + this.batchWindowNanos - System.nanoTime());
		try {
			this.onQueued.schedule(() -> {
				this.runPending.set(false);
				this.lastRun.set(System.nanoTime());
				try {
					deliver();
				}
				catch (RuntimeException ex) {
					// the next poll tries again
					log.warn("Outbox delivery after a wake-up failed: {}", ex.getMessage());
				}
			}, delay, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down
			this.runPending.set(false);
		}
	}

	@PreDestroy
	void stop() {
		this.onQueued.shutdownNow();
	}

}
