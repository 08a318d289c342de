package org.abusedesk.hashes;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A 256-bit PDQ hash, written as 64 hexadecimal digits the way ThreatExchange writes it:
 * a big-endian number whose bit {@code k} is the {@code k}-th DCT coefficient (row-major
 * over the 16 by 16 block) being above the median.
 *
 * @param high bits 192 to 255 (the first 16 hex digits)
 * @param upper bits 128 to 191
 * @param lower bits 64 to 127
 * @param low bits 0 to 63 (the last 16 hex digits)
 */
public record PdqHash(long high, long upper, long lower, long low) {

	/**
	 * Reads 64 hex digits.
	 * @throws IllegalArgumentException when {@code hex} is not 64 hex digits
	 */
	public static PdqHash parse(String hex) {
		String value = (hex != null) ? hex.strip().toLowerCase(Locale.ROOT) : "";
		if (value.length() != 64 || !value.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("A PDQ hash is 64 hex digits, not '" + hex + "'");
		}
		return new PdqHash(Long.parseUnsignedLong(value.substring(0, 16), 16),
				Long.parseUnsignedLong(value.substring(16, 32), 16),
				Long.parseUnsignedLong(value.substring(32, 48), 16), Long.parseUnsignedLong(value.substring(48), 16));
	}

	/** The hash with bit {@code k} (0 to 255) set as given by {@code bits[k]}. */
	public static PdqHash fromBits(boolean[] bits) {
		long[] words = new long[4];
		for (int k = 0; k < 256; k++) {
			if (bits[k]) {
				words[k >>> 6] |= 1L << (k & 63);
			}
		}
		return new PdqHash(words[3], words[2], words[1], words[0]);
	}

	/** The number of bits in which the two hashes differ (0 to 256). */
	public int distance(PdqHash other) {
		return Long.bitCount(this.high ^ other.high) + Long.bitCount(this.upper ^ other.upper)
				+ Long.bitCount(this.lower ^ other.lower) + Long.bitCount(this.low ^ other.low);
	}

	/** The 16 bits of chunk {@code i} (0 to 15, chunk 0 the lowest bits). */
	public int chunk16(int i) {
		long word = switch (i >>> 2) {
			case 0 -> this.low;
			case 1 -> this.lower;
			case 2 -> this.upper;
			default -> this.high;
		};
		return (int) ((word >>> ((i & 3) * 16)) & 0xFFFF);
	}

	/** 64 lower-case hex digits. */
	public String hex() {
		HexFormat hex = HexFormat.of();
		return hex.toHexDigits(this.high) + hex.toHexDigits(this.upper) + hex.toHexDigits(this.lower)
				+ hex.toHexDigits(this.low);
	}

	@Override
	public String toString() {
		return hex();
	}

}
