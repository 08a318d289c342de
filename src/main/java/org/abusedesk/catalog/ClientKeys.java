package org.abusedesk.catalog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client is counted under (intake budgets, the invalid-body quota, sign-in
 * throttles): its IPv4 address, or the /64 of its IPv6 address. One IPv6 subscriber is
 * usually given a whole /64 (RFC 6177), so keying on the full address would give a single
 * flooder 2^64 budgets.
 */
public final class ClientKeys {

	private ClientKeys() {
	}

	/**
	 * @param address the client address as the servlet container gives it
	 * @return {@code v4:<address>}, {@code v6:<first 64 bits in hex>/64}, or the text as
	 * it came when it is not an address
	 */
	public static String of(String address) {
		if (address == null || address.isEmpty()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return Targets.address(address).isPresent() ? "v4:" + address : "other:" + address;
		}
		// an IPv6 literal: no name lookup happens
		String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		if (!Targets.address(literal).isPresent()) {
			return "other:" + address;
		}
		try {
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			if (bytes.length == 4) {
				// IPv4-mapped: Java reads it as IPv4
				return "v4:" + InetAddress.getByAddress(bytes).getHostAddress();
			}
			return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
		}
		catch (UnknownHostException ex) {
			return "other:" + address;
		}
	}

}
