package org.abusedesk.content.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code abusedesk.content.snapshots.*}: where snapshots of hosted content are read, and
 * their limits. Without a source no snapshot is ever taken.
 *
 * @param sources the provider's own storage or origin APIs, each for the hosts it serves
 * @param maxBytes the largest snapshot kept (a larger answer is refused, not cut)
 * @param timeout the longest a snapshot may take, from connecting to the last byte
 * @param types the media types kept (parameters such as {@code charset} aside)
 * @param urlsPerReport how many of a report's URLs are read at most
 */
@ConfigurationProperties("abusedesk.content.snapshots")
record SnapshotProperties(List<Source> sources, Integer maxBytes, Duration timeout, List<String> types,
		Integer urlsPerReport) {

	static final List<String> DEFAULT_TYPES = List.of("text/html", "text/plain", "application/xhtml+xml",
			"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp");

	SnapshotProperties {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		maxBytes = (maxBytes != null) ? maxBytes : 5 * 1024 * 1024;
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		types = (types != null) ? types.stream().map((type) -> type.strip().toLowerCase(Locale.ROOT)).toList()
				: DEFAULT_TYPES;
		urlsPerReport = (urlsPerReport != null) ? urlsPerReport : 3;
		if (maxBytes < 1 || timeout.isNegative() || timeout.isZero() || urlsPerReport < 0) {
			throw new IllegalArgumentException(
					"abusedesk.content.snapshots: max-bytes and timeout must be positive, urls-per-report not negative");
		}
	}

	/**
	 * One content source.
	 *
	 * @param name how it is named in the audit log
	 * @param urlTemplate where a reported URL is read, e.g.
	 * {@code https://storage.internal/objects/{host}{path}}: its scheme, host and port
	 * are fixed; {@code {host}}, {@code {path}} and {@code {query}} are filled from the
	 * reported URL, escaped
	 * @param hosts the host names it serves, each with its subdomains; empty for every
	 * hosted property
	 */
	record Source(String name, String urlTemplate, List<String> hosts) {

		Source {
			hosts = (hosts != null) ? hosts.stream().map((host) -> host.strip().toLowerCase(Locale.ROOT)).toList()
					: List.of();
		}

		boolean serves(String host) {
			return this.hosts.isEmpty()
					|| this.hosts.stream().anyMatch((served) -> host.equals(served) || host.endsWith("." + served));
		}

	}

}
