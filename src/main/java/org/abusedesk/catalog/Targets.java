package org.abusedesk.catalog;

import org.abusedesk.catalog.internal.TargetParser;

/**
 * The host or address a URL, host name or IP address is about, normalised the way the
 * {@link Resolver} looks it up: scheme, user-info and port dropped, case folded, trailing
 * dot removed, international names in punycode, IP addresses in canonical form
 * ({@code ::ffff:a.b.c.d} becomes {@code a.b.c.d}). Never does DNS.
 */
public final class Targets {

	private Targets() {
	}

	/**
	 * @param urlHostOrAddress an absolute URL, a bare host name or an IPv4/IPv6 address
	 * @return e.g. {@code xn--bcher-kva.example}, {@code 192.0.2.1} or
	 * {@code 2001:db8::1}; the same string for every spelling of the same host
	 * @throws InvalidTargetException when no host or address can be read
	 */
	public static String normalize(String urlHostOrAddress) {
		return TargetParser.parse(urlHostOrAddress).text();
	}

	/**
	 * @param input a bare IPv4 or IPv6 address, in any valid spelling
	 * @return the canonical address, or empty when {@code input} is not an IP address
	 */
	public static java.util.Optional<String> address(String input) {
		try {
			var target = TargetParser.parse(input);
			return target.isHost() ? java.util.Optional.empty() : java.util.Optional.of(target.text());
		}
		catch (InvalidTargetException ex) {
			return java.util.Optional.empty();
		}
	}

}
