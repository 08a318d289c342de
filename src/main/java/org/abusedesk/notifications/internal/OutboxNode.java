package org.abusedesk.notifications.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node as a holder of outbox claims (docs/adr/0010). It has an id of its own for
 * this process (host name and a random UUID), writes a heartbeat row
 * ({@code outbox_node}) at start and every {@code heartbeat} after, and the claims it
 * takes carry its id. Another node takes over the claims of a node not seen for
 * {@code timeout} at once, instead of waiting for their lease.
 * <p>
 * So that two live nodes never deliver one message at the same time, a node delivers a
 * claimed message only while it {@link #holds} its claims: its last successful heartbeat
 * is less than half the timeout old (by this process's monotonic clock, counted from
 * before the heartbeat's statement, whose {@code now()} the other nodes count from), and
 * no gap of that length has broken the heartbeats since it claimed. A node that stops
 * releases the claims it is not using and removes its row, once its deliveries under way
 * have ended.
 */
@Component
class OutboxNode {

	private static final Logger log = LoggerFactory.getLogger(OutboxNode.class);

	private final JdbcClient jdbc;

	private final String id;

	private final Duration timeout;

	private final Duration heartbeat;

	private final long fenceNanos;

	private final ScheduledExecutorService beats;

	/** Deliveries hold it shared; stopping takes it alone. */
	private final ReadWriteLock deliveries = new ReentrantReadWriteLock();

	private long lastBeat;

	private boolean beaten;

	private long tenure;

	private volatile boolean stopping;

	@Autowired
	OutboxNode(JdbcClient jdbc, NotificationProperties properties) {
		this(jdbc, hostName() + "/" + UUID.randomUUID(), properties.outbox().nodeTimeout(),
				properties.outbox().heartbeat());
	}

	OutboxNode(JdbcClient jdbc, String id, Duration timeout, Duration heartbeat) {
		if (heartbeat.compareTo(timeout.dividedBy(3)) > 0) {
			throw new IllegalArgumentException(
					"abusedesk.outbox.heartbeat must be at most a third of abusedesk.outbox.node-timeout");
		}
		this.jdbc = jdbc;
		this.id = id;
		this.timeout = timeout;
		this.heartbeat = heartbeat;
		this.fenceNanos = timeout.toNanos() / 2;
		this.beats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

	/** Writes the first heartbeat before anything can claim, and schedules the others. */
	@PostConstruct
	void start() {
		this.jdbc.sql("delete from outbox_node where last_seen < now() - interval '1 day'").update();
		beat();
		long period = this.heartbeat.toMillis();
		this.beats.scheduleWithFixedDelay(this::beatQuietly, period, period, TimeUnit.MILLISECONDS);
	}

	String id() {
		return this.id;
	}

	/** How long a node may go unseen before its claims are taken over. */
	Duration timeout() {
		return this.timeout;
	}

	private void beatQuietly() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox heartbeat of {} failed: {}", this.id, ex.getMessage());
		}
	}

	/** Writes a heartbeat; throws when the database cannot be reached. */
	void beat() {
		long before = System.nanoTime();
		this.jdbc.sql("""
				insert into outbox_node (node_id) values (:id)
				on conflict (node_id) do update set last_seen = now()""").param("id", this.id).update();
		synchronized (this) {
			if (this.beaten && before - this.lastBeat >= this.fenceNanos) {
				// other nodes may have taken over what this node claimed before the gap
				this.tenure++;
			}
			this.lastBeat = before;
			this.beaten = true;
		}
	}

	/**
	 * The token of this node's current unbroken run of heartbeats, to claim under; -1
	 * when it must not claim now (stopping, or not seen lately).
	 */
	synchronized long tenure() {
		return (isFresh()) ? this.tenure : -1;
	}

	/** Whether claims taken under {@code tenure} are still this node's to deliver. */
	synchronized boolean holds(long tenure) {
		return tenure >= 0 && tenure == this.tenure && isFresh();
	}

	private boolean isFresh() {
		return !this.stopping && this.beaten && System.nanoTime() - this.lastBeat < this.fenceNanos;
	}

	/**
	 * Starts a delivery run, which must be ended with {@link #endDelivery()}; false (and
	 * nothing to end) when this node is stopping.
	 */
	boolean beginDelivery() {
		if (this.stopping || !this.deliveries.readLock().tryLock()) {
			return false;
		}
		return true;
	}

	void endDelivery() {
		this.deliveries.readLock().unlock();
	}

	/**
	 * Stops claiming, waits for the deliveries under way (up to half the timeout: after
	 * that they stop by themselves, see {@link #holds}), then gives back the claims not
	 * used and removes this node's row, so that other nodes take over at once.
	 */
	@PreDestroy
	void stop() {
		this.stopping = true;
		this.beats.shutdownNow();
		try {
			if (!this.deliveries.writeLock().tryLock(this.fenceNanos, TimeUnit.NANOSECONDS)) {
				log.warn("Outbox deliveries of {} still under way at stop; its claims are taken over after {}", this.id,
						this.timeout);
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			this.jdbc.sql("""
					update outbox_message set status = 'pending', lease_until = null, claimed_by = null,
					    attempts = greatest(attempts - 1, 0)
					where claimed_by = :id and status = 'sending'""").param("id", this.id).update();
			this.jdbc.sql("delete from outbox_node where node_id = :id").param("id", this.id).update();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox node {} could not release its claims at stop: {}", this.id, ex.getMessage());
		}
	}

}
