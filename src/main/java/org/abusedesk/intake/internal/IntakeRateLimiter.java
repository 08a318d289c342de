package org.abusedesk.intake.internal;

import org.abusedesk.catalog.ClientKeys;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps a report flood from taking the desk down. Each client (an address without a
 * token, or a token) has its own budget, and all untrusted traffic together has a total
 * budget; trusted flaggers draw on a total of their own, so a flood from others cannot
 * starve them. Budgets are per node and per minute; a batch costs one unit per report.
 * <p>
 * Anonymous clients are keyed by IPv4 address or IPv6 /64 ({@link ClientKeys}). A tenth
 * of the untrusted total is kept for anonymous clients that have sent little recently (at
 * most a tenth of their own budget): when a flood from many addresses has used up the
 * untrusted total, an innocent reporter still gets through.
 */
@Component
class IntakeRateLimiter {

	/** A refusal: how long to wait. */
	record Refusal(Duration retryAfter, String scope) {
	}

	/**
	 * Bounds memory under a flood from many addresses; idle buckets are dropped first.
	 */
	static final int MAX_CLIENTS = 100_000;

	private final int perAddress;

	private final int perToken;

	/** A mail sender's budget of reports a minute; a configured feed has a token's. */
	private int perMailSender;

	private final int untrustedTotal;

	private final int trustedTotal;

	private final LongSupplier clock;

	private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();

	private final TokenBucket untrusted;

	private final TokenBucket trusted;

	/** The share of the untrusted total kept for clients that sent little. */
	private final TokenBucket sentLittle;

	@Autowired
	IntakeRateLimiter(IntakeProperties properties) {
		this(properties.rateLimit().perAddressPerMinute(), properties.rateLimit().perTokenPerMinute(),
				properties.rateLimit().untrustedTotalPerMinute(), properties.rateLimit().trustedTotalPerMinute(),
				System::nanoTime);
		this.perMailSender = properties.rateLimit().perMailSenderPerMinute();
	}

	IntakeRateLimiter(int perAddress, int perToken, int untrustedTotal, int trustedTotal, LongSupplier clock) {
		this.perMailSender = perAddress;
		this.perAddress = perAddress;
		this.perToken = perToken;
		this.untrustedTotal = untrustedTotal;
		this.trustedTotal = trustedTotal;
		this.clock = clock;
		this.untrusted = bucket(untrustedTotal);
		this.trusted = bucket(trustedTotal);
		this.sentLittle = new TokenBucket(untrustedTotal / 10.0, untrustedTotal / 600.0, clock.getAsLong());
	}

	/**
	 * Takes {@code count} units for a request.
	 * @param address the client address
	 * @param credential the reporter token, or {@code null}
	 * @return the refusal, or {@code null} when the request may go on
	 */
	Refusal acquire(String address, ReporterCredential credential, int count) {
		String key = (credential != null) ? "token:" + credential.tokenId() : "address:" + ClientKeys.of(address);
		int limit = (credential != null) ? this.perToken : this.perAddress;
		if (this.clients.size() >= MAX_CLIENTS) {
			evictIdle();
		}
		TokenBucket client = this.clients.computeIfAbsent(key, (k) -> bucket(limit));
		long now = this.clock.getAsLong();
		long wait = client.take(count, now);
		if (wait > 0) {
			return refusal(wait, "client");
		}
		TokenBucket total = (credential != null && credential.trustedFlagger()) ? this.trusted : this.untrusted;
		wait = total.take(count, now);
		if (wait > 0 && credential == null && sentLittle(client, limit, count, now)) {
			wait = this.sentLittle.take(count, now);
		}
		if (wait > 0) {
			if (credential != null) {
				client.giveBack(count);
			}
			// an anonymous client's refused attempts count against it: a flooder that
			// keeps
			// knocking never looks like one that sent little
			return refusal(wait, "total");
		}
		return null;
	}

	/**
	 * Takes {@code count} units for the reports of one abuse message: an unknown sender
	 * has the budget of an address, a configured feed that of a token; both draw on the
	 * untrusted total. Nothing is taken when refused.
	 * @return the refusal, or {@code null} when the reports may be filed
	 */
	Refusal acquireMailSender(String sender, boolean feed, int count) {
		int limit = feed ? this.perToken : this.perMailSender;
		if (this.clients.size() >= MAX_CLIENTS) {
			evictIdle();
		}
		TokenBucket client = this.clients.computeIfAbsent("mail:" + sender, (k) -> bucket(limit));
		long now = this.clock.getAsLong();
		long wait = client.take(count, now);
		if (wait > 0) {
			return refusal(wait, "client");
		}
		wait = this.untrusted.take(count, now);
		if (wait > 0) {
			client.giveBack(count);
			return refusal(wait, "total");
		}
		return null;
	}

	/**
	 * Whether the anonymous client at {@code address} has sent little recently (at most a
	 * tenth of its budget): such a client may use the places and the budget kept for
	 * those. Read after {@link #acquire}.
	 */
	boolean sentLittle(String address) {
		TokenBucket client = this.clients.get("address:" + ClientKeys.of(address));
		return client == null || sentLittle(client, this.perAddress, 0, this.clock.getAsLong());
	}

	private static boolean sentLittle(TokenBucket client, int limit, int justTaken, long now) {
		return client.level(now) + justTaken >= limit - Math.max(1, limit / 10.0);
	}

	private TokenBucket bucket(int perMinute) {
		return new TokenBucket(perMinute, perMinute / 60.0, this.clock.getAsLong());
	}

	private void evictIdle() {
		long now = this.clock.getAsLong();
		this.clients.values().removeIf((bucket) -> bucket.isFull(now));
	}

	private static Refusal refusal(long nanos, String scope) {
		return new Refusal(Duration.ofSeconds(Math.max(1, (long) Math.ceil(nanos / 1e9))), scope);
	}

}
