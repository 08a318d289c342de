package org.abusedesk.intake.internal;

/**
 * A token bucket: holds at most {@code capacity} tokens, refills at {@code perSecond}.
 * Thread-safe.
 */
final class TokenBucket {

	private final double capacity;

	private final double perNano;

	private double tokens;

	private long updatedAt;

	TokenBucket(double capacity, double perSecond, long now) {
		this.capacity = capacity;
		this.perNano = perSecond / 1e9;
		this.tokens = capacity;
		this.updatedAt = now;
	}

	/**
	 * Takes {@code n} tokens if there are enough.
	 * @return 0 when taken, else the nanoseconds until there will be enough
	 */
	synchronized long take(int n, long now) {
		refill(now);
		if (this.tokens >= n) {
			this.tokens -= n;
			return 0;
		}
		if (n > this.capacity) {
			// never enough: the caller is told to wait for a full bucket
			return (long) Math.ceil(this.capacity / this.perNano);
		}
		return (long) Math.ceil((n - this.tokens) / this.perNano);
	}

	/** Gives back tokens taken for a request that was refused further on. */
	synchronized void giveBack(int n) {
		this.tokens = Math.min(this.capacity, this.tokens + n);
	}

	/** The tokens there are now. */
	synchronized double level(long now) {
		refill(now);
		return this.tokens;
	}

	synchronized boolean isFull(long now) {
		refill(now);
		return this.tokens >= this.capacity;
	}

	private void refill(long now) {
		long elapsed = now - this.updatedAt;
		if (elapsed > 0) {
			this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perNano);
			this.updatedAt = now;
		}
	}

}
