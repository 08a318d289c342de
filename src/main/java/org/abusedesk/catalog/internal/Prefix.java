package org.abusedesk.catalog.internal;

/**
 * An IPv4 or IPv6 CIDR prefix. Addresses sit in the low bits: IPv4 in {@code lo}, IPv6 in
 * {@code hi} (upper 64 bits) and {@code lo}.
 */
record Prefix(int family, long hi, long lo, int length) {

	/**
	 * Reads {@code 198.51.100.0/24}, {@code 2001:db8:100::/48} or a bare address (a /32
	 * or /128). IPv6 may be written in any valid form; the result prints canonically.
	 * @throws IllegalArgumentException with a message for people when it is not a prefix,
	 * or when host bits are set (a typo we refuse to guess about)
	 */
	static Prefix parse(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		Prefix prefix;
		if (address.indexOf(':') >= 0) {
			long[] bits = new long[2];
			if (!IpAddresses.parseIpv6(address, bits)) {
				throw new IllegalArgumentException("'" + address + "' is not an IPv6 address");
			}
			prefix = new Prefix(Target.IPV6, bits[0], bits[1], length(text, slash, 128));
		}
		else {
			long v4 = IpAddresses.parseDottedQuad(address);
			if (v4 < 0) {
				throw new IllegalArgumentException("'" + address + "' is not an IPv4 address (a.b.c.d)");
			}
			prefix = new Prefix(Target.IPV4, 0, v4, length(text, slash, 32));
		}
		if (!prefix.equals(prefix.masked())) {
			throw new IllegalArgumentException(
					"host bits are set after /" + prefix.length + "; the network is " + prefix.masked().text());
		}
		return prefix;
	}

	private static int length(String text, int slash, int max) {
		if (slash < 0) {
			return max;
		}
		String digits = text.substring(slash + 1);
		if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("'" + digits + "' is not a prefix length");
		}
		int length = Integer.parseInt(digits);
		if (length > max) {
			throw new IllegalArgumentException("prefix length " + length + " exceeds " + max);
		}
		return length;
	}

	Prefix masked() {
		if (this.family == Target.IPV4) {
			return new Prefix(this.family, 0, this.lo & mask32(this.length), this.length);
		}
		return new Prefix(this.family, this.hi & maskHi(this.length), this.lo & maskLo(this.length), this.length);
	}

	String text() {
		String address = (this.family == Target.IPV4) ? IpAddresses.formatIpv4(this.lo)
				: IpAddresses.formatIpv6(this.hi, this.lo);
		return address + "/" + this.length;
	}

	static long mask32(int length) {
		return (length == 0) ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
	}

	static long maskHi(int length) {
		return (length == 0) ? 0 : (length >= 64) ? -1L : -1L << (64 - length);
	}

	static long maskLo(int length) {
		return (length <= 64) ? 0 : -1L << (128 - length);
	}

}
