package org.abusedesk.problems;

import java.time.Duration;

/** Over a rate limit; answered with status 429 and {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many reports; retry after " + retryAfter.toSeconds() + " seconds.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
