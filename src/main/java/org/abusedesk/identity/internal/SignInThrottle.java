package org.abusedesk.identity.internal;

import org.abusedesk.catalog.ClientKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses sign-in attempts for a while after too many failures for one account name or
 * from one client address (IPv4, or IPv6 /64), so that passwords cannot be guessed at the
 * speed of the server. A refused attempt is not checked at all and looks the same whether
 * the account exists or not. A successful sign-in forgets its account's failures, not its
 * address's earlier ones (a valid account must not wash an address clean). In memory, per
 * node; bounded by {@code maxKeys} (idle keys are dropped first, then keys not refused).
 */
class SignInThrottle {

	/** Where a sign-in happens: each has its own counts. */
	enum Scope {

		CONSOLE, CUSTOMER

	}

	private final SignInThrottleProperties properties;

	private final Clock clock;

	private final Map<String, Failures> keys = new ConcurrentHashMap<>();

	SignInThrottle(SignInThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Starts a sign-in attempt: refuses it while its account or address is throttled,
	 * else counts it as a failure until {@link #succeeded} says otherwise (so that
	 * attempts sent all at once are counted before their passwords are checked).
	 * @param account the account name given, or {@code null} when the sign-in names none
	 * @param address the client address
	 * @return how long to wait, when the attempt is refused
	 */
	Optional<Duration> attempt(Scope scope, String account, String address) {
		Instant now = this.clock.instant();
		String[] keys = keys(scope, account, address);
		Duration wait = Duration.ZERO;
		for (String key : keys) {
			Failures failures = this.keys.get(key);
			if (failures != null) {
				Duration locked = failures.lockedFor(now);
				if (locked.compareTo(wait) > 0) {
					wait = locked;
				}
			}
		}
		if (!wait.isZero()) {
			return Optional.of(roundUpToSeconds(wait));
		}
		for (int i = 0; i < keys.length; i++) {
			int limit = (i == 0) ? this.properties.addressFailures() : this.properties.accountFailures();
			this.keys.computeIfAbsent(keys[i], (key) -> new Failures()).fail(now, limit, this.properties);
		}
		if (this.keys.size() > this.properties.maxKeys()) {
			evict(now);
		}
		return Optional.empty();
	}

	/**
	 * The attempt succeeded: its account's failures are forgotten, and the attempt no
	 * longer counts against its address.
	 */
	void succeeded(Scope scope, String account, String address) {
		if (account != null) {
			this.keys.remove(accountKey(scope, account));
		}
		Failures failures = this.keys.get(keys(scope, null, address)[0]);
		if (failures != null) {
			failures.forgive();
		}
	}

	int tracked() {
		return this.keys.size();
	}

	private void evict(Instant now) {
		this.keys.values().removeIf((failures) -> failures.idle(now, this.properties.window()));
		int target = this.properties.maxKeys() - this.properties.maxKeys() / 10;
		if (this.keys.size() > target) {
			this.keys.values().removeIf((failures) -> failures.lockedFor(now).isZero());
		}
		var iterator = this.keys.keySet().iterator();
		while (this.keys.size() > target && iterator.hasNext()) {
			iterator.next();
			iterator.remove();
		}
	}

	private static String[] keys(Scope scope, String account, String address) {
		String addressKey = scope + " address " + ClientKeys.of(address);
		return (account != null) ? new String[] { addressKey, accountKey(scope, account) }
				: new String[] { addressKey };
	}

	private static String accountKey(Scope scope, String account) {
		String name = account.strip().toLowerCase(Locale.ROOT);
		return scope + " account " + ((name.length() > 200) ? name.substring(0, 200) : name);
	}

	private static Duration roundUpToSeconds(Duration duration) {
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		return Duration.ofSeconds(Math.max(1, seconds));
	}

	/** The recent failures of one key, and whether it is refused until a time. */
	private static final class Failures {

		private final Deque<Instant> recent = new ArrayDeque<>();

		private int lockouts;

		private Instant lockedUntil = Instant.MIN;

		private Instant lastFailure = Instant.MIN;

		synchronized Duration lockedFor(Instant now) {
			return now.isBefore(this.lockedUntil) ? Duration.between(now, this.lockedUntil) : Duration.ZERO;
		}

		synchronized void fail(Instant now, int limit, SignInThrottleProperties properties) {
			Instant since = now.minus(properties.window());
			while (!this.recent.isEmpty() && !this.recent.peekFirst().isAfter(since)) {
				this.recent.removeFirst();
			}
			Instant quietSince = this.lastFailure.isAfter(this.lockedUntil) ? this.lastFailure : this.lockedUntil;
			if (quietSince.isBefore(since)) {
				// a quiet window since the last failure or refusal: start over
				this.lockouts = 0;
			}
			this.lastFailure = now;
			this.recent.addLast(now);
			if (this.recent.size() >= limit) {
				this.recent.clear();
				this.lockouts++;
				Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(this.lockouts - 1, 30));
				if (delay.compareTo(properties.maxDelay()) > 0 || delay.isNegative()) {
					delay = properties.maxDelay();
				}
				this.lockedUntil = now.plus(delay);
			}
		}

		synchronized void forgive() {
			if (!this.recent.isEmpty()) {
				this.recent.removeLast();
			}
		}

		synchronized boolean idle(Instant now, Duration window) {
			Instant since = now.minus(window);
			return this.lastFailure.isBefore(since) && this.lockedUntil.isBefore(since);
		}

	}

}
