package org.abusedesk.intake.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * How many reports wait to be decided, on every node together ({@code submitted} ones,
 * {@link org.abusedesk.intake.Reports#countSubmitted}), counted at most every
 * {@code refreshNanos} by whichever request asks first (the others read the last count
 * meanwhile), and counted only up to a cap, so that a count costs little however long the
 * backlog grows.
 */
final class SubmittedBacklog implements IntSupplier {

	/** Counts the submitted reports up to the cap it is given. */
	private final IntUnaryOperator counter;

	private final int cap;

	private final long refreshNanos;

	private final LongSupplier clock;

	private final AtomicBoolean counting = new AtomicBoolean();

	private volatile int count;

	private volatile long countedAt;

	private volatile boolean counted;

	SubmittedBacklog(IntUnaryOperator counter, int cap, long refreshNanos, LongSupplier clock) {
		this.counter = counter;
		this.cap = cap;
		this.refreshNanos = refreshNanos;
		this.clock = clock;
	}

	@Override
	public int getAsInt() {
		long now = this.clock.getAsLong();
		if ((!this.counted || now - this.countedAt >= this.refreshNanos) && this.counting.compareAndSet(false, true)) {
			try {
				this.count = this.counter.applyAsInt(this.cap);
				this.countedAt = now;
				this.counted = true;
			}
			finally {
				this.counting.set(false);
			}
		}
		return this.count;
	}

}
