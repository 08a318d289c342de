package org.abusedesk.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client's sign-in failures are counted under: its IPv4 address, or the /64 of
 * its IPv6 address (one subscriber usually has a whole /64, RFC 6177).
 */
final class ClientAddress {

	private ClientAddress() {
	}

	/**
	 * @param address the client address as the servlet container gives it (a literal)
	 * @return {@code v4:<address>}, {@code v6:<first 64 bits in hex>/64}, or
	 * {@code other:<text>}
	 */
	static String key(String address) {
		if (address == null || address.isEmpty()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return "v4:" + address;
		}
		String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		try {
			// a text with a colon is parsed as an IPv6 literal: no name is looked up
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			if (bytes.length == 4) {
				return "v4:" + InetAddress.getByAddress(bytes).getHostAddress();
			}
			return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
		}
		catch (UnknownHostException ex) {
			return "other:" + address;
		}
	}

}
