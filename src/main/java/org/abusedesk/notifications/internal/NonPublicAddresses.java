package org.abusedesk.notifications.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The address ranges a webhook must not reach unless the operator allows it: loopback,
 * private, shared (carrier-grade NAT, 100.64.0.0/10), benchmarking (198.18.0.0/15),
 * link-local, unique-local, multicast, documentation and reserved space, and the IPv6
 * forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4), judged by
 * the IPv4 address they carry. A host name is judged by every address it resolves to
 * (IANA special-purpose registries, RFC 6890).
 */
final class NonPublicAddresses {

	private record Range(byte[] prefix, int bits) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

	private static final List<Range> V4 = List.of(range("0.0.0.0", 8), range("10.0.0.0", 8), range("100.64.0.0", 10),
			range("127.0.0.0", 8), range("169.254.0.0", 16), range("172.16.0.0", 12), range("192.0.0.0", 24),
			range("192.0.2.0", 24), range("192.88.99.0", 24), range("192.168.0.0", 16), range("198.18.0.0", 15),
			range("198.51.100.0", 24), range("203.0.113.0", 24), range("224.0.0.0", 4), range("240.0.0.0", 4));

	private static final List<Range> V6 = List.of(range("::", 128), range("::1", 128), range("64:ff9b:1::", 48),
			range("100::", 64), range("2001::", 23), range("2001:db8::", 32), range("fc00::", 7), range("fe80::", 10),
			range("fec0::", 10), range("ff00::", 8));

	/**
	 * IPv6 prefixes whose last (or, for 6to4, the 32 bits after the first 16) bits are an
	 * IPv4 address. Java reads a literal IPv4-mapped address as IPv4 already; the others
	 * it keeps as IPv6.
	 */
	private static final Range MAPPED = new Range(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0 }, 96);

	private static final Range COMPATIBLE = range("::", 96);

	private static final Range NAT64 = range("64:ff9b::", 96);

	private static final Range SIX_TO_FOUR = range("2002::", 16);

	private NonPublicAddresses() {
	}

	/** Whether {@code address} lies in a range no webhook may reach by default. */
	static boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return V4.stream().anyMatch((range) -> range.contains(bytes));
		}
		if (MAPPED.contains(bytes) || NAT64.contains(bytes) || COMPATIBLE.contains(bytes) && !isZeroOrOne(bytes)) {
			return contains(v4(Arrays.copyOfRange(bytes, 12, 16)));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return contains(v4(Arrays.copyOfRange(bytes, 2, 6)));
		}
		return V6.stream().anyMatch((range) -> range.contains(bytes));
	}

	/**
	 * Whether {@code host} (an IP literal, bracketed or not, or a name) is, or resolves
	 * to any, non-public address.
	 * @param unresolved the answer for a name that does not resolve now (it cannot be
	 * checked)
	 */
	static boolean isNonPublic(String host, boolean unresolved) {
		String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("localhost") || lower.endsWith(".localhost")) {
			return true;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(name)) {
				if (contains(address)) {
					return true;
				}
			}
			return false;
		}
		catch (UnknownHostException ex) {
			return unresolved;
		}
	}

	private static boolean isZeroOrOne(byte[] bytes) {
		for (int i = 0; i < 15; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[15] == 0 || bytes[15] == 1;
	}

	private static InetAddress v4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Range range(String literal, int bits) {
		try {
			// literals only: no name lookup happens
			return new Range(InetAddress.getByName(literal).getAddress(), bits);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
