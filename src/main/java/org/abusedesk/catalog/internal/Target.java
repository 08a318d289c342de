package org.abusedesk.catalog.internal;

/**
 * A normalised lookup target: a host name, or an IPv4 / IPv6 address held as bits so that
 * prefix lookups need no further parsing.
 *
 * @param text the canonical text (lower-case ASCII host, dotted quad, RFC 5952 IPv6)
 * @param family 0 for a host name, 4 or 6 for an address
 * @param hi the upper 64 bits of an IPv6 address, 0 otherwise
 * @param lo the lower 64 bits of an IPv6 address, or the IPv4 address
 */
public record Target(String text, int family, long hi, long lo) {

	static final int HOST = 0;

	static final int IPV4 = 4;

	static final int IPV6 = 6;

	public boolean isHost() {
		return this.family == HOST;
	}

}
