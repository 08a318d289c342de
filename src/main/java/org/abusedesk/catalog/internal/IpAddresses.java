package org.abusedesk.catalog.internal;

import java.nio.charset.StandardCharsets;

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
			// one group, up to the next ':'; read in place, no substring
			int end = i;
			int value = 0;
			boolean hex = true;
			boolean dotted = false;
			for (char c; end < n && (c = text.charAt(end)) != ':'; end++) {
				int digit = hexDigit(c);
				hex &= digit >= 0;
				dotted |= c == '.';
				value = (value << 4) | (digit & 0xF);
			}
			if (dotted) {
				// an embedded IPv4 address takes the last two groups
				long v4 = (end == n && count <= 6) ? parseDottedQuad(text.substring(i, end)) : -1;
				if (v4 < 0) {
					return false;
				}
				groups[count++] = (int) (v4 >>> 16);
				groups[count++] = (int) (v4 & 0xFFFF);
				i = end;
				break;
			}
			if (end == i || end - i > 4 || !hex) {
				return false;
			}
			groups[count++] = value;
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
		// the groups after the gap move to the end
		int shift = (gap < 0) ? 0 : 8 - count;
		long hi = 0;
		long lo = 0;
		for (int g = 0; g < count; g++) {
			int position = (gap >= 0 && g >= gap) ? g + shift : g;
			if (position < 4) {
				hi |= (long) groups[g] << (48 - 16 * position);
			}
			else {
				lo |= (long) groups[g] << (48 - 16 * (position - 4));
			}
		}
		out[0] = hi;
		out[1] = lo;
		return true;
	}

	/**
	 * The value of a hexadecimal digit ({@code 0-9}, {@code a-f}, {@code A-F}), or -1.
	 */
	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	/**
	 * RFC 5952 text: lower case, no leading zeros, the longest run of zeros as
	 * {@code ::}.
	 */
	static String formatIpv6(long hi, long lo) {
		return formatIpv6(hi, lo, null);
	}

	/**
	 * Like {@link #formatIpv6(long, long)}, but answers {@code same} itself when it is
	 * already that text (as addresses are usually written), which spares a copy.
	 */
	static String formatIpv6(long hi, long lo, String same) {
		int bestStart = -1;
		int bestLength = 1;
		for (int g = 0; g < 8;) {
			if (group(hi, lo, g) != 0) {
				g++;
				continue;
			}
			int start = g;
			while (g < 8 && group(hi, lo, g) == 0) {
				g++;
			}
			if (g - start > bestLength) {
				bestStart = start;
				bestLength = g - start;
			}
		}
		byte[] text = new byte[39];
		int length = 0;
		for (int g = 0; g < 8; g++) {
			if (g == bestStart) {
				text[length++] = ':';
				text[length++] = ':';
				g += bestLength - 1;
				continue;
			}
			if (length > 0 && text[length - 1] != ':') {
				text[length++] = ':';
			}
			int group = group(hi, lo, g);
			for (int shift = (group == 0) ? 0
					: (31 - Integer.numberOfLeadingZeros(group)) & ~3; shift >= 0; shift -= 4) {
				text[length++] = (byte) Character.forDigit((group >>> shift) & 0xF, 16);
			}
		}
		if (same != null && same.length() == length) {
			boolean equal = true;
			for (int i = 0; i < length; i++) {
				equal &= same.charAt(i) == text[i];
			}
			if (equal) {
				return same;
			}
		}
		return new String(text, 0, length, StandardCharsets.ISO_8859_1);
	}

	private static int group(long hi, long lo, int g) {
		return (int) (((g < 4) ? hi >>> (48 - 16 * g) : lo >>> (48 - 16 * (g - 4))) & 0xFFFF);
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
