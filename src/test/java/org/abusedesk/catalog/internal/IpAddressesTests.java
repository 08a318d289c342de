package org.abusedesk.catalog.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IPv6 reader and printer read in place, without a string per group; they must agree
 * with the plain versions they replaced (kept here as the reference) on every input.
 */
class IpAddressesTests implements WithQuickTheories {

	/** Spellings of generated addresses, and near misses of them. */
	private Gen<String> literals() {
		Gen<String> spelling = longs().all()
			.zip(longs().all(), integers().between(0, 7), integers().between(0, 5),
					(hi, lo, zeros, style) -> spell(hi, lo, zeros, style));
		Gen<String> garbage = lists()
			.of(arbitrary()
				.pick(List.of("0", "1", "a", "F", "ffff", "12345", ":", "::", ".", "1.2.3.4", "g", "db8", "00000", "")))
			.ofSizeBetween(0, 12)
			.map((parts) -> String.join("", parts));
		return spelling.mix(garbage, 40);
	}

	/**
	 * @param zeros how many groups from the third on are zero (at most six), so that runs
	 * to compress occur
	 * @param style 0 canonical, 1 full with leading zeros, 2 upper case, 3 a dotted quad
	 * at the end, 4 compressed and cut to 7 groups (invalid), 5 a group too many
	 */
	private static String spell(long hi, long lo, int zeros, int style) {
		long[] bits = { hi, lo };
		for (int g = 2; g < Math.min(8, 2 + zeros); g++) {
			bits[g / 4] &= ~(0xFFFFL << (48 - 16 * (g % 4)));
		}
		String canonical = Ipv6Reference.format(bits[0], bits[1]);
		StringBuilder full = new StringBuilder();
		for (int g = 0; g < 8; g++) {
			long group = (bits[g / 4] >>> (48 - 16 * (g % 4))) & 0xFFFF;
			full.append((g > 0) ? ":" : "").append(String.format("%04x", group));
		}
		return switch (style) {
			case 0 -> canonical;
			case 1 -> full.toString();
			case 2 -> canonical.toUpperCase();
			case 3 -> full.substring(0, 30) + ((bits[1] >>> 24) & 0xFF) + "." + ((bits[1] >>> 16) & 0xFF) + "."
					+ ((bits[1] >>> 8) & 0xFF) + "." + (bits[1] & 0xFF);
			case 4 -> full.substring(0, full.lastIndexOf(":"));
			default -> full + ":1";
		};
	}

	@Test
	void readsEveryLiteralAsTheReferenceDoes() {
		qt().withExamples(5_000).forAll(literals()).checkAssert((literal) -> {
			long[] expected = new long[2];
			long[] actual = new long[2];
			boolean valid = Ipv6Reference.parse(literal, expected);
			assertThat(IpAddresses.parseIpv6(literal, actual)).as(literal).isEqualTo(valid);
			if (valid) {
				assertThat(actual).as(literal).containsExactly(expected);
			}
		});
	}

	@Test
	void printsEveryAddressAsTheReferenceDoes() {
		qt().forAll(longs().all(), longs().all(), integers().between(0, 7)).checkAssert((hi, lo, zeros) -> {
			long[] bits = new long[2];
			IpAddresses.parseIpv6(spell(hi, lo, zeros, 1), bits);
			String expected = Ipv6Reference.format(bits[0], bits[1]);
			assertThat(IpAddresses.formatIpv6(bits[0], bits[1])).isEqualTo(expected);
			// the canonical text given back as is, any other spelling replaced
			String canonical = new String(expected);
			assertThat(IpAddresses.formatIpv6(bits[0], bits[1], canonical)).isSameAs(canonical);
			String upper = expected.toUpperCase();
			assertThat(IpAddresses.formatIpv6(bits[0], bits[1], upper)).isEqualTo(expected);
		});
	}

	@Test
	void printsTheEdgeCasesOfRfc5952() {
		assertThat(IpAddresses.formatIpv6(0, 0)).isEqualTo("::");
		assertThat(IpAddresses.formatIpv6(0, 1)).isEqualTo("::1");
		assertThat(IpAddresses.formatIpv6(0x20010DB800000000L, 0x0001000000000001L)).isEqualTo("2001:db8::1:0:0:1");
		assertThat(IpAddresses.formatIpv6(0x20010DB800000001L, 0x0001000100010001L)).isEqualTo("2001:db8:0:1:1:1:1:1");
		assertThat(IpAddresses.formatIpv6(-1, -1)).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
		assertThat(IpAddresses.formatIpv6(0x1000000000000000L, 0)).isEqualTo("1000::");
	}

	/** The reader and printer as they were before they read in place. */
	private static final class Ipv6Reference {

		static boolean parse(String text, long[] out) {
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

		static String format(long hi, long lo) {
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

		private static boolean allHex(String text, int from) {
			for (int i = from; i < text.length(); i++) {
				if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
					return false;
				}
			}
			return true;
		}

		private static long parseDottedQuad(String text) {
			return IpAddresses.parseDottedQuad(text);
		}

	}

}
