package org.abusedesk.catalog.internal;

import java.net.IDN;
import java.util.Locale;

import org.abusedesk.catalog.InvalidTargetException;

/**
 * Reads the host or address out of what people paste into abuse reports: URLs with or
 * without a scheme, user-info and port, bare host names in any case or script, and IP
 * literals in any valid spelling. Never does DNS.
 */
public final class TargetParser {

	private static final int MAX_HOST_LENGTH = 253;

	private static final int MAX_LABEL_LENGTH = 63;

	private TargetParser() {
	}

	/**
	 * @param urlHostOrAddress an absolute URL, a bare host name or an IP address
	 * @return the normalised target
	 * @throws InvalidTargetException when there is no host or address to read
	 */
	public static Target parse(String urlHostOrAddress) {
		if (urlHostOrAddress == null) {
			throw new InvalidTargetException("no URL, host name or address given");
		}
		Target plain = parsePlain(urlHostOrAddress);
		return (plain != null) ? plain : parseAny(urlHostOrAddress);
	}

	/**
	 * The common case in one pass and without copies: a host name that is already
	 * normalised (lower-case ASCII, no trailing dot) or a dotted quad without leading
	 * zeros, bare or after {@code http://} or {@code https://}, with at most a port and a
	 * path, query or fragment after it. Anything else, valid or not, is left to
	 * {@link #parseAny}, and so is anything this reads differently from it.
	 * @return the target, as {@link #parseAny} reads it, or null
	 */
	private static Target parsePlain(String input) {
		int length = input.length();
		int start = input.startsWith("https://") ? 8 : input.startsWith("http://") ? 7 : 0;
		int labelLength = 0;
		int lastLabel = start;
		int end = start;
		for (; end < length; end++) {
			char c = input.charAt(end);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
				if (++labelLength > MAX_LABEL_LENGTH) {
					return null;
				}
			}
			else if (c == '.' && labelLength > 0) {
				labelLength = 0;
				lastLabel = end + 1;
			}
			else {
				break;
			}
		}
		// no host, a trailing dot (or an empty label) or too long
		if (labelLength == 0 || end - start > MAX_HOST_LENGTH) {
			return null;
		}
		if (end < length && !isAuthorityEnd(input.charAt(end))) {
			// only a port may follow; "name://" would be a scheme
			if (input.charAt(end) != ':' || (start == 0 && input.startsWith("//", end + 1))) {
				return null;
			}
			int portEnd = end + 1;
			while (portEnd < length && input.charAt(portEnd) >= '0' && input.charAt(portEnd) <= '9') {
				portEnd++;
			}
			if (portEnd - end > 6 || (portEnd < length && !isAuthorityEnd(input.charAt(portEnd)))) {
				return null;
			}
		}
		char last = input.charAt(lastLabel);
		if (last >= '0' && last <= '9') {
			// the WHATWG rules make it an address (or invalid) when the last label is a
			// number; only the canonical dotted quad is read here
			return dottedQuad(input, start, end);
		}
		return new Target(substring(input, start, end), Target.HOST, 0, 0);
	}

	/**
	 * A dotted quad without leading zeros (which is also its canonical text), or null.
	 */
	private static Target dottedQuad(String input, int start, int end) {
		long address = 0;
		int parts = 0;
		int value = 0;
		int digits = 0;
		for (int i = start; i <= end; i++) {
			char c = (i < end) ? input.charAt(i) : '.';
			if (c >= '0' && c <= '9' && digits < 3 && (digits == 0 || value > 0)) {
				value = value * 10 + (c - '0');
				digits++;
			}
			else if (c == '.' && digits > 0 && value <= 255 && parts < 4) {
				address = (address << 8) | value;
				parts++;
				value = 0;
				digits = 0;
			}
			else {
				return null;
			}
		}
		return (parts == 4) ? new Target(substring(input, start, end), Target.IPV4, 0, address) : null;
	}

	private static String substring(String input, int start, int end) {
		return (start == 0 && end == input.length()) ? input : input.substring(start, end);
	}

	private static boolean isAuthorityEnd(char c) {
		return c == '/' || c == '?' || c == '#' || c == '\\';
	}

	/** Reads anything {@link #parse} accepts; the general case of it. */
	static Target parseAny(String urlHostOrAddress) {
		String input = urlHostOrAddress.strip();
		boolean hadScheme = false;
		int schemeEnd = schemeEnd(input);
		if (schemeEnd > 0) {
			input = input.substring(schemeEnd);
			hadScheme = true;
		}
		else if (input.startsWith("//")) {
			input = input.substring(2);
			hadScheme = true;
		}
		String authority = input.substring(0, authorityEnd(input));
		int at = authority.lastIndexOf('@');
		if (at >= 0) {
			authority = authority.substring(at + 1);
		}
		if (authority.isEmpty()) {
			throw invalid(urlHostOrAddress);
		}
		if (authority.charAt(0) == '[') {
			int close = authority.indexOf(']');
			if (close < 0 || !isPortSuffix(authority, close + 1)) {
				throw invalid(urlHostOrAddress);
			}
			return ipv6(authority.substring(1, close), urlHostOrAddress);
		}
		int firstColon = authority.indexOf(':');
		if (!hadScheme && firstColon >= 0 && authority.indexOf(':', firstColon + 1) >= 0) {
			// a bare IPv6 address: only URLs need the brackets
			return ipv6(authority, urlHostOrAddress);
		}
		String host = authority;
		if (firstColon >= 0) {
			if (!isPortSuffix(authority, firstColon)) {
				throw invalid(urlHostOrAddress);
			}
			host = authority.substring(0, firstColon);
		}
		return hostOrIpv4(host, urlHostOrAddress);
	}

	/**
	 * Normalises a host name that must be written bare (no scheme, port or path): as in
	 * the catalog's zone and hostname values.
	 * @return the lower-case ASCII (punycode) host without trailing dot
	 * @throws InvalidTargetException when it is not a host name (IP literals included)
	 */
	public static String parseHostName(String value) {
		if (value == null || value.isBlank() || !value.equals(value.strip())) {
			throw invalid(value);
		}
		Target target = hostOrIpv4(value, value);
		if (!target.isHost()) {
			throw new InvalidTargetException("'" + value + "' is an IP address, not a host name");
		}
		return target.text();
	}

	/**
	 * Normalises a bare host name or IP literal (no scheme, port or path), as in an
	 * origin address.
	 * @throws InvalidTargetException when it is neither
	 */
	public static String parseHostOrAddress(String value) {
		if (value == null || value.isBlank() || !value.equals(value.strip())) {
			throw invalid(value);
		}
		if (value.indexOf(':') >= 0) {
			boolean bracketed = value.startsWith("[") && value.endsWith("]");
			return ipv6(bracketed ? value.substring(1, value.length() - 1) : value, value).text();
		}
		return hostOrIpv4(value, value).text();
	}

	private static Target hostOrIpv4(String raw, String query) {
		String host = raw;
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.isEmpty()) {
			throw invalid(query);
		}
		host = toAscii(host.toLowerCase(Locale.ROOT), query);
		if (IpAddresses.endsInNumber(host)) {
			long address = IpAddresses.parseIpv4(host);
			if (address < 0) {
				throw invalid(query);
			}
			return new Target(IpAddresses.formatIpv4(address), Target.IPV4, 0, address);
		}
		checkHostName(host, query);
		return new Target(host, Target.HOST, 0, 0);
	}

	private static String toAscii(String host, String query) {
		for (int i = 0; i < host.length(); i++) {
			if (host.charAt(i) >= 0x80) {
				try {
					// IDNA 2003 (the JDK's): also maps full-width dots and case variants
					String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
					return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
				}
				catch (IllegalArgumentException ex) {
					throw invalid(query);
				}
			}
		}
		return host;
	}

	private static void checkHostName(String host, String query) {
		if (host.length() > MAX_HOST_LENGTH) {
			throw invalid(query);
		}
		int labelLength = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c == '.') {
				if (labelLength == 0) {
					throw invalid(query);
				}
				labelLength = 0;
			}
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
				// underscores are not valid in host names but do occur in DNS names
				if (++labelLength > MAX_LABEL_LENGTH) {
					throw invalid(query);
				}
			}
			else {
				throw invalid(query);
			}
		}
		if (labelLength == 0) {
			throw invalid(query);
		}
	}

	private static Target ipv6(String literal, String query) {
		long[] bits = new long[2];
		if (!IpAddresses.parseIpv6(literal, bits)) {
			throw invalid(query);
		}
		if (IpAddresses.isIpv4Mapped(bits[0], bits[1])) {
			// ::ffff:192.0.2.1 is the IPv4 host 192.0.2.1; look it up as such
			long v4 = bits[1] & 0xFFFFFFFFL;
			return new Target(IpAddresses.formatIpv4(v4), Target.IPV4, 0, v4);
		}
		return new Target(IpAddresses.formatIpv6(bits[0], bits[1], literal), Target.IPV6, bits[0], bits[1]);
	}

	/** The index after {@code scheme://}, or 0 when there is no scheme. */
	private static int schemeEnd(String input) {
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c == ':') {
				return (i > 0 && input.startsWith("//", i + 1)) ? i + 3 : 0;
			}
			boolean schemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
					|| (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
			if (!schemeChar) {
				return 0;
			}
		}
		return 0;
	}

	private static int authorityEnd(String input) {
		for (int i = 0; i < input.length(); i++) {
			if (isAuthorityEnd(input.charAt(i))) {
				return i;
			}
		}
		return input.length();
	}

	/**
	 * Whether {@code text} from {@code from} is empty or {@code :} and decimal digits.
	 */
	private static boolean isPortSuffix(String text, int from) {
		if (from == text.length()) {
			return true;
		}
		if (text.charAt(from) != ':' || text.length() - from > 6) {
			return false;
		}
		for (int i = from + 1; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static InvalidTargetException invalid(String query) {
		return new InvalidTargetException("no host name or IP address can be read from '" + query + "'");
	}

}
