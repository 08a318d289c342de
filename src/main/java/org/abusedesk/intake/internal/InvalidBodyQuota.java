package org.abusedesk.intake.internal;

import org.abusedesk.catalog.ClientKeys;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many bytes of invalid bodies one client (IPv4 address or IPv6 /64, see
 * {@link ClientKeys}) may leave in the archive a day. Every body is stored before it is
 * checked; past the quota an invalid body keeps its hash, size and errors but not its
 * bytes, so that random bodies at the rate limit cannot grow the database by gigabytes an
 * hour. Per node, like the rate budgets; the map is bounded and starts afresh each day.
 */
@Component
class InvalidBodyQuota {

	static final int MAX_CLIENTS = 100_000;

	private record Used(LocalDate day, long bytes) {
	}

	private final long bytesPerDay;

	private final Clock clock;

	private final Map<String, Used> used = new ConcurrentHashMap<>();

	@Autowired
	InvalidBodyQuota(IntakeProperties properties) {
		this(properties.invalidArchiveBytesPerDay(), Clock.systemUTC());
	}

	InvalidBodyQuota(long bytesPerDay, Clock clock) {
		this.bytesPerDay = bytesPerDay;
		this.clock = clock;
	}

	/**
	 * Counts an invalid body of {@code bytes} against the client's quota of the day.
	 * @return whether it fits (the body is kept); {@code false} once the quota is used up
	 */
	boolean charge(String clientAddress, long bytes) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		if (this.used.size() >= MAX_CLIENTS) {
			this.used.values().removeIf((entry) -> !entry.day().equals(today));
			if (this.used.size() >= MAX_CLIENTS) {
				this.used.clear();
			}
		}
		Used after = this.used.merge(ClientKeys.of(clientAddress), new Used(today, bytes),
				(before, now) -> before.day().equals(today) ? new Used(today, before.bytes() + bytes) : now);
		return after.bytes() <= this.bytesPerDay;
	}

}
