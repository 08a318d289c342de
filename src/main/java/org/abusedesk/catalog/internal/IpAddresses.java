package org.abusedesk.catalog.internal;

/**
 * Parses and prints IP address literals without touching DNS (InetAddress.getByName would
 * resolve anything that is not a literal).
 */
final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * Whether {@code host} must be read as an IPv4 address: the WHATWG URL standard's
	 * "ends in a number" rule, so {@code http://3232235777/} and {@code http://0x7f.1/}
	 * are addresses, as in every browser, and {@code example.123} is an invalid host.
	 */
	static boolean endsInNumber(String host) {
		int start = host.lastIndexOf('.') + 1;
		String last = host.substring(start);
		if (last.isEmpty()) {
			return false;
		}
		if (allDigits(last, 0)) {
			return true;
		}
		return (last.startsWith("0x") || last.startsWith("0X")) && allHex(last, 2);
	}

	/** The IPv4 address (WHATWG forms: 1 to 4 parts, decimal, octal or hex), or -1. */
	static long parseIpv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length > 4) {
			return -1;
		}
		long[] numbers = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			numbers[i] = parseIpv4Number(parts[i]);
			if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
				return -1;
			}
		}
		int last = parts.length - 1;
		if (numbers[last] >= (1L << (8 * (4 - last)))) {
			return -1;
		}
		long address = numbers[last];
		for (int i = 0; i < last; i++) {
			address |= numbers[i] << (8 * (3 - i));
		}
		return address;
	}

	private static long parseIpv4Number(String part) {
		if (part.isEmpty() || part.length() > 34) {
			return -1;
		}
		int radix = 10;
		int start = 0;
		if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
			radix = 16;
			start = 2;
		}
		else if (part.length() >= 2 && part.charAt(0) == '0') {
			radix = 8;
			start = 1;
		}
		if (start == part.length()) {
			return 0;
		}
		try {
			long value = Long.parseLong(part, start, part.length(), radix);
			return (value > 0xFFFFFFFFL) ? -1 : value;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** Strict dotted quad (four decimal parts, no leading zeros), as in CIDR notation. */
	static long parseDottedQuad(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return -1;
		}
		long address = 0;
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !allDigits(part, 0)
					|| (part.length() > 1 && part.charAt(0) == '0')) {
				return -1;
			}
			int value = Integer.parseInt(part);
			if (value > 255) {
				return -1;
			}
			address = (address << 8) | value;
		}
		return address;
	}

	static String formatIpv4(long address) {
		return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
				+ (address & 0xFF);
	}

	/**
	 * Parses an IPv6 literal (RFC 4291 text forms, including an embedded dotted quad)
	 * into {@code out[0]} (upper 64 bits) and {@code out[1]}.
	 * @return whether {@code text} is a valid IPv6 literal
	 */
	static boolean parseIpv6(String text, long[] out) {
		int[] groups = new int[8];
		int count = 0;
		int gap = -1;
		int i = 0;
		int n = text.length();
		if (n < 2) {
			return false;
		}
		if (text.startsWith("::")) {
			gap = 0;
			i = 2;
			if (n == 2) {
				out[0] = 0;
				out[1] = 0;
				return true;
			}
		}
		else if (text.charAt(0) == ':') {
			return false;
		}
		while (i < n) {
			if (count == 8) {
				return false;
			}
			int end = i;
			while (end < n && text.charAt(end) != ':') {
				end++;
			}
			String group = text.substring(i, end);
			if (group.indexOf('.') >= 0) {
				// an embedded IPv4 address takes the last two groups
				long v4 = (end == n && count <= 6) ? parseDottedQuad(group) : -1;
				if (v4 < 0) {
					return false;
				}
				groups[count++] = (int) (v4 >>> 16);
				groups[count++] = (int) (v4 & 0xFFFF);
				i = end;
				break;
			}
			if (group.isEmpty() || group.length() > 4 || !allHex(group, 0)) {
				return false;
			}
			groups[count++] = Integer.parseInt(group, 16);
			if (end == n) {
				i = end;
				break;
			}
			// end is at a ':'
			if (end + 1 < n && text.charAt(end + 1) == ':') {
				if (gap >= 0) {
					return false;
				}
				gap = count;
				i = end + 2;
			}
			else if (end + 1 == n) {
				return false;
			}
			else {
				i = end + 1;
			}
		}
		if (gap < 0 && count != 8) {
			return false;
		}
		if (gap >= 0 && count > 7) {
			return false;
		}
		int[] full = new int[8];
		if (gap < 0) {
			full = groups;
		}
		else {
			int tail = count - gap;
			System.arraycopy(groups, 0, full, 0, gap);
			System.arraycopy(groups, gap, full, 8 - tail, tail);
		}
		long hi = 0;
		long lo = 0;
		for (int g = 0; g < 4; g++) {
			hi = (hi << 16) | full[g];
			lo = (lo << 16) | full[g + 4];
		}
		out[0] = hi;
		out[1] = lo;
		return true;
	}

	/**
	 * RFC 5952 text: lower case, no leading zeros, the longest run of zeros as
	 * {@code ::}.
	 */
	static String formatIpv6(long hi, long lo) {
		int[] groups = new int[8];
		for (int g = 0; g < 4; g++) {
			groups[g] = (int) ((hi >>> (48 - 16 * g)) & 0xFFFF);
			groups[g + 4] = (int) ((lo >>> (48 - 16 * g)) & 0xFFFF);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int g = 0; g < 8;) {
			if (groups[g] != 0) {
				g++;
				continue;
			}
			int start = g;
			while (g < 8 && groups[g] == 0) {
				g++;
			}
			if (g - start > bestLength) {
				bestStart = start;
				bestLength = g - start;
			}
		}
		StringBuilder text = new StringBuilder(39);
		for (int g = 0; g < 8; g++) {
			if (g == bestStart) {
				text.append("::");
				g += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[g]));
		}
		return text.toString();
	}

	/** Whether the address is IPv4-mapped ({@code ::ffff:a.b.c.d}). */
	static boolean isIpv4Mapped(long hi, long lo) {
		return hi == 0 && (lo >>> 32) == 0xFFFFL;
	}

	private static boolean allDigits(String text, int from) {
		if (from >= text.length()) {
			return false;
		}
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean allHex(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
				return false;
			}
		}
		return true;
	}

}
