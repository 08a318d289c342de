package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.abusedesk.database.AfterCommit;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Runs the {@link ReportRouter} on this node: right after a transaction that stored
 * reports commits (one run at a time; reports stored meanwhile make one more run, so
 * under load each run takes the many that arrived during the last), and by polling for
 * what other nodes stored or a failed run left. Each run routes batches until fewer than
 * a batch are waiting.
 * <p>
 * A batch that fails is routed report by report, so that one report the router cannot
 * take (a bug, a broken row) holds up only itself: it is left aside for a while, logged,
 * and tried again later.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RoutingSchedule {

	private static final Logger log = LoggerFactory.getLogger(RoutingSchedule.class);

	private static final Object KEY = new Object();

	private final ReportRouter router;

	private final int batchSize;

	private final Duration setAside;

	private final ExecutorService runs = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "report-router");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean runPending = new AtomicBoolean();

	/** Reports that failed alone, and when to try them again. */
	private final Map<Long, Instant> failing = new ConcurrentHashMap<>();

	RoutingSchedule(ReportRouter router, RoutingProperties properties) {
		this.router = router;
		this.batchSize = properties.batchSize();
		this.setAside = Duration.ofSeconds(properties.setAsideSeconds());
	}

	@EventListener
	void on(ReportReceived received) {
		AfterCommit.once(KEY, this::wake);
	}

	@EventListener
	void on(ReportsReceived received) {
		AfterCommit.once(KEY, this::wake);
	}

	/**
	 * Hands the run to the router's own thread: the scheduler's single thread also runs
	 * the outbox poll and the mitigation jobs, which a long drain must not hold up.
	 */
	@Scheduled(fixedDelayString = "${abusedesk.routing.poll-interval-ms:1000}")
	void poll() {
		wake();
	}

	private void wake() {
		if (!this.runPending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.runs.execute(() -> {
				this.runPending.set(false);
				try {
					drain();
				}
				catch (RuntimeException ex) {
					// the next poll tries again
					log.error("Routing failed: {}", ex.toString(), ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down
			this.runPending.set(false);
		}
	}

	/** Routes batches until fewer than a batch were waiting. */
	synchronized void drain() {
		int routed;
		do {
			routed = routeBatch();
		}
		while (routed >= this.batchSize);
	}

	/**
	 * @return how many reports the batch held, 0 when it stopped on a failure
	 */
	private int routeBatch() {
		retrySetAside();
		try {
			return this.router.routeWaiting(this.batchSize, this.failing.keySet()).size();
		}
		catch (CannotCreateTransactionException | TransientDataAccessResourceException ex) {
			log.warn("Routing paused, the database is out of reach: {}", ex.getMessage());
			return 0;
		}
		catch (ReportRouter.BatchFailed ex) {
			// with the cause's stack: a batch that fails is a bug to find
			log.warn("A batch of {} reports failed; routing them one by one", ex.reportIds().size(), ex.getCause());
			oneByOne(ex.reportIds());
			return 0;
		}
	}

	/**
	 * Tries the reports whose time aside is up, each alone: among the oldest, they would
	 * otherwise be in the next batch and fail it again.
	 */
	private void retrySetAside() {
		Instant now = Instant.now();
		List<Long> due = this.failing.entrySet()
			.stream()
			.filter((entry) -> now.isAfter(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		// taken out first: one that fails again is set aside anew
		due.forEach(this.failing::remove);
		oneByOne(due);
	}

	private void oneByOne(List<Long> reportIds) {
		for (long reportId : reportIds) {
			try {
				this.router.routeOne(reportId);
			}
			catch (CannotCreateTransactionException | TransientDataAccessResourceException ex) {
				log.warn("Routing paused, the database is out of reach: {}", ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				this.failing.put(reportId, Instant.now().plus(this.setAside));
				log.error("Report {} could not be routed; trying again in {}", reportId, this.setAside, ex);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.runs.shutdownNow();
	}

}
