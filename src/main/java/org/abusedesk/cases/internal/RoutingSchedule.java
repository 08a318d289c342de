package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.abusedesk.database.AfterCommit;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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
 * <p>
 * While reports wait (a run found a full batch), up to {@code abusedesk.routing.threads}
 * - 1 helper runs join it (default one), each claiming its own batches
 * ({@code for update skip locked}) as routers on several nodes do: a router spends much
 * of its time waiting for PostgreSQL, and a second one keeps both cores busy. Without a
 * backlog, one run at a time routes what arrived (small batches split in two would cost
 * more statements per report).
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

	/** Helper runs while reports wait: a thread each, up to the number of permits. */
	private final ExecutorService helpers;

	private final Semaphore helperPermits;

	private final AtomicBoolean runPending = new AtomicBoolean();

	/** Reports that failed alone, and when to try them again. */
	private final Map<Long, Instant> failing = new ConcurrentHashMap<>();

	RoutingSchedule(ReportRouter router, @Value("${abusedesk.routing.batch-size:500}") int batchSize,
			@Value("${abusedesk.routing.set-aside-seconds:60}") long setAsideSeconds,
			@Value("${abusedesk.routing.threads:2}") int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("abusedesk.routing.threads must be at least 1, not " + threads);
		}
		this.router = router;
		this.batchSize = batchSize;
		this.setAside = Duration.ofSeconds(setAsideSeconds);
		this.helperPermits = new Semaphore(threads - 1);
		AtomicInteger number = new AtomicInteger(1);
		this.helpers = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "report-router-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
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
	 * Hands the run to the router's own threads: the scheduler's single thread also runs
	 * the outbox poll and the mitigation jobs, which a long drain must not hold up.
	 */
	@Scheduled(fixedDelayString = "${abusedesk.routing.poll-interval-ms:1000}")
	void poll() {
		wake();
	}

	/**
	 * Starts a run, unless one is already waiting for a thread: that one will see every
	 * report stored before it starts.
	 */
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

	/**
	 * Routes batches until fewer than a batch were waiting; after a full batch, starts a
	 * helper run if a permit is free.
	 */
	void drain() {
		int routed;
		do {
			routed = routeBatch();
			if (routed >= this.batchSize) {
				help();
			}
		}
		while (routed >= this.batchSize);
	}

	private void help() {
		if (!this.helperPermits.tryAcquire()) {
			return;
		}
		try {
			this.helpers.execute(() -> {
				try {
					drain();
				}
				catch (RuntimeException ex) {
					log.error("Routing failed: {}", ex.toString(), ex);
				}
				finally {
					this.helperPermits.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down
			this.helperPermits.release();
		}
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
			log.warn("A batch of {} reports failed ({}); routing them one by one", ex.reportIds().size(),
					ex.getCause().toString());
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
		// each taken out first, by one run only: one that fails again is set aside anew
		List<Long> due = this.failing.entrySet()
			.stream()
			.filter((entry) -> now.isAfter(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList()
			.stream()
			.filter((reportId) -> this.failing.remove(reportId) != null)
			.toList();
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
		this.helpers.shutdownNow();
	}

}
