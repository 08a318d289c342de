package org.abusedesk.catalog;

/**
 * Resolves URLs, host names and IP addresses to the customer and services behind them.
 * Longest match wins: by host name labels (a {@code zone} covers its subdomains, a
 * {@code hostname} only itself) and by prefix length. Lookups are served from memory.
 */
public interface Resolver {

	/**
	 * @param urlHostOrAddress an absolute URL, a bare host name or an IPv4/IPv6 address
	 * @return the resolution; {@link Resolution#ours()} is false when nobody matches
	 * @throws InvalidTargetException when no host or address can be read from the input
	 */
	Resolution resolve(String urlHostOrAddress);

}
