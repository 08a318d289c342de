package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

import org.abusedesk.problems.TooManyRequestsException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Bounds how many report requests are being worked on at once, apart for trusted flaggers
 * and everyone else. The rate budgets ({@link IntakeRateLimiter}) bound reports per
 * minute, but if they are set above what the node can do, or a burst arrives, work piles
 * up and every request waits, trusted ones too. With a fixed number of untrusted requests
 * in progress, the next one is refused at once (429, retry after a second), and a trusted
 * flagger's request finds a free place and the CPU not buried under hundreds of others.
 */
@Component
class IntakeBulkhead {

	/** A place taken; give it back when the request is answered. */
	interface Permit extends AutoCloseable {

		/** No place taken (the request was admitted elsewhere). */
		Permit NONE = () -> {
		};

		@Override
		void close();

	}

	private final Semaphore untrusted;

	private final Semaphore trusted;

	private final IntSupplier backlog;

	private final int maxBacklog;

	@Autowired
	IntakeBulkhead(@Value("${abusedesk.intake.concurrency.untrusted:16}") int untrusted,
			@Value("${abusedesk.intake.concurrency.trusted:16}") int trusted,
			@Value("${abusedesk.intake.max-backlog:5000}") int maxBacklog,
			@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> tasks) {
		this(untrusted, trusted, maxBacklog, new QueueLength(tasks));
	}

	IntakeBulkhead(int untrusted, int trusted, int maxBacklog, IntSupplier backlog) {
		this.untrusted = new Semaphore(untrusted);
		this.trusted = new Semaphore(trusted);
		this.maxBacklog = maxBacklog;
		this.backlog = backlog;
	}

	/**
	 * The length of the task executor's queue; the executor is looked up once, on first
	 * use (a lookup per request cost more than the rest of the admission).
	 */
	private static final class QueueLength implements IntSupplier {

		private final ObjectProvider<Executor> tasks;

		private volatile ThreadPoolTaskExecutor pool;

		private volatile boolean resolved;

		QueueLength(ObjectProvider<Executor> tasks) {
			this.tasks = tasks;
		}

		@Override
		public int getAsInt() {
			if (!this.resolved) {
				Executor executor = this.tasks.getIfAvailable();
				this.pool = (executor instanceof ThreadPoolTaskExecutor threads) ? threads : null;
				this.resolved = true;
			}
			ThreadPoolTaskExecutor threads = this.pool;
			return (threads != null) ? threads.getQueueSize() : 0;
		}

	}

	/**
	 * @throws TooManyRequestsException when every place of the caller's kind is taken
	 */
	Permit enter(boolean trustedFlagger) {
		if (!trustedFlagger && this.backlog.getAsInt() > this.maxBacklog) {
			throw new TooManyRequestsException(Duration.ofSeconds(5));
		}
		Semaphore places = trustedFlagger ? this.trusted : this.untrusted;
		if (!places.tryAcquire()) {
			throw new TooManyRequestsException(Duration.ofSeconds(1));
		}
		return new Permit() {

			private boolean released;

			@Override
			public synchronized void close() {
				if (!this.released) {
					this.released = true;
					places.release();
				}
			}

		};
	}

}
