package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.abusedesk.intake.Reports;
import org.abusedesk.problems.TooManyRequestsException;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final Semaphore sentLittle;

	private final IntSupplier backlog;

	private final int maxBacklog;

	@Autowired
	IntakeBulkhead(IntakeProperties properties, Reports reports) {
		this(properties.concurrency().untrusted(), properties.concurrency().trusted(),
				properties.concurrency().sentLittle(), properties.maxBacklog(),
				new SubmittedBacklog(reports::countSubmitted, properties.maxBacklog() + 1,
						TimeUnit.MILLISECONDS.toNanos(200), System::nanoTime));
	}

	IntakeBulkhead(int untrusted, int trusted, int maxBacklog, IntSupplier backlog) {
		this(untrusted, trusted, 0, maxBacklog, backlog);
	}

	IntakeBulkhead(int untrusted, int trusted, int sentLittle, int maxBacklog, IntSupplier backlog) {
		this.untrusted = new Semaphore(untrusted);
		this.trusted = new Semaphore(trusted);
		this.sentLittle = new Semaphore(sentLittle);
		this.maxBacklog = maxBacklog;
		this.backlog = backlog;
	}

	/**
	 * @throws TooManyRequestsException when every place of the caller's kind is taken
	 */
	Permit enter(boolean trustedFlagger) {
		return enter(trustedFlagger, false);
	}

	/**
	 * @param sentLittle an anonymous client that sent little recently: when every
	 * untrusted place is taken, or the backlog is full, it may take one of the few places
	 * kept for such clients, so that a flood from many addresses does not shut out an
	 * innocent reporter
	 * @throws TooManyRequestsException when every place the caller may take is taken
	 */
	Permit enter(boolean trustedFlagger, boolean sentLittle) {
		boolean backlogFull = !trustedFlagger && this.backlog.getAsInt() > this.maxBacklog;
		Semaphore places = trustedFlagger ? this.trusted : this.untrusted;
		if (backlogFull || !places.tryAcquire()) {
			if (!sentLittle || !this.sentLittle.tryAcquire()) {
				throw new TooManyRequestsException(Duration.ofSeconds(backlogFull ? 5 : 1));
			}
			places = this.sentLittle;
		}
		Semaphore taken = places;
		return new Permit() {

			private boolean released;

			@Override
			public synchronized void close() {
				if (!this.released) {
					this.released = true;
					taken.release();
				}
			}

		};
	}

}
