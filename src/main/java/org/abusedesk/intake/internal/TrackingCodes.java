package org.abusedesk.intake.internal;

import java.security.SecureRandom;

/**
 * Tracking codes such as {@code AD-7K3M-Q9XF-2HPA}: 60 random bits in Crockford's base 32
 * (no I, L, O, U), easy to read out on the phone and impossible to guess or enumerate.
 */
final class TrackingCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private TrackingCodes() {
	}

	static String next() {
		long bits = random.nextLong();
		StringBuilder code = new StringBuilder("AD");
		for (int i = 0; i < 12; i++) {
			if (i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[(int) (bits & 31)]);
			bits >>>= 5;
		}
		return code.toString();
	}

}
