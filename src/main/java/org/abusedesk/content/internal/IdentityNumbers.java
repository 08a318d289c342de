package org.abusedesk.content.internal;

import java.util.Set;

/**
 * The published rules of the national identity numbers the detector knows; each method
 * takes the number's characters without separators.
 */
public final class IdentityNumbers {

	private static final Set<String> SSN_ADVERTISED = Set.of("078051120", "219099999", "457555462");

	private static final Set<String> NINO_PREFIXES_NEVER_ISSUED = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");

	private IdentityNumbers() {
	}

	/**
	 * US Social Security number (SSA rules): area not 000, 666 or 900-999, group not 00,
	 * serial not 0000, and none of the numbers published in advertisements.
	 */
	public static boolean usSsn(String digits) {
		if (digits.length() != 9 || !allDigits(digits) || SSN_ADVERTISED.contains(digits)) {
			return false;
		}
		int area = Integer.parseInt(digits.substring(0, 3));
		int group = Integer.parseInt(digits.substring(3, 5));
		int serial = Integer.parseInt(digits.substring(5));
		return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
	}

	/**
	 * UK National Insurance number (HMRC rules): two prefix letters (neither D, F, I, Q,
	 * U, V; second not O; not BG, GB, NK, KN, TN, NT, ZZ), six digits, suffix A to D.
	 */
	public static boolean ukNino(String value) {
		if (value.length() != 9) {
			return false;
		}
		char first = value.charAt(0);
		char second = value.charAt(1);
		if ("DFIQUV".indexOf(first) >= 0 || "DFIQUVO".indexOf(second) >= 0 || !Character.isUpperCase(first)
				|| !Character.isUpperCase(second)) {
			return false;
		}
		if (NINO_PREFIXES_NEVER_ISSUED.contains(value.substring(0, 2))) {
			return false;
		}
		return allDigits(value.substring(2, 8)) && "ABCD".indexOf(value.charAt(8)) >= 0;
	}

	/**
	 * German tax identification number (Steuer-ID, § 139b AO): 11 digits, the first not
	 * 0; in the first ten exactly one digit occurs twice or three times (never three in a
	 * row); the last is the ISO 7064 MOD 11,10 check digit.
	 */
	public static boolean deSteuerId(String digits) {
		if (digits.length() != 11 || !allDigits(digits) || digits.charAt(0) == '0') {
			return false;
		}
		int[] counts = new int[10];
		for (int i = 0; i < 10; i++) {
			counts[digits.charAt(i) - '0']++;
		}
		int repeated = 0;
		for (int count : counts) {
			if (count > 3) {
				return false;
			}
			if (count >= 2) {
				repeated++;
			}
		}
		if (repeated != 1) {
			return false;
		}
		for (int i = 2; i < 10; i++) {
			if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
				return false;
			}
		}
		return digits.charAt(10) - '0' == steuerIdCheckDigit(digits.substring(0, 10));
	}

	public static int steuerIdCheckDigit(String first10) {
		int product = 10;
		for (int i = 0; i < first10.length(); i++) {
			int sum = (first10.charAt(i) - '0' + product) % 10;
			if (sum == 0) {
				sum = 10;
			}
			product = (sum * 2) % 11;
		}
		int check = 11 - product;
		return (check == 10) ? 0 : check;
	}

	/**
	 * French social-security number (NIR, INSEE): sex 1 or 2, year, month, department (2A
	 * and 2B for Corsica), commune, order number and the key, 97 minus the first 13
	 * digits modulo 97 (Corsica's 2A and 2B counted as 19 and 18).
	 */
	public static boolean frNir(String value) {
		if (value.length() != 15 || (value.charAt(0) != '1' && value.charAt(0) != '2')) {
			return false;
		}
		String body = value.substring(0, 13).replace("2A", "19").replace("2B", "18");
		String key = value.substring(13);
		if (!allDigits(body) || !allDigits(key)) {
			return false;
		}
		int month = Integer.parseInt(value.substring(3, 5));
		if (month == 0 || (month > 12 && month < 20)) {
			return false;
		}
		long number = Long.parseLong(body);
		return 97 - (number % 97) == Integer.parseInt(key);
	}

	/**
	 * Dutch citizen service number (BSN): nine digits passing the eleven test (9, 8, ...,
	 * 2 times the first eight digits, minus the last, is a multiple of 11 and not 0).
	 */
	public static boolean nlBsn(String digits) {
		if (digits.length() != 9 || !allDigits(digits)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		sum -= digits.charAt(8) - '0';
		return sum != 0 && sum % 11 == 0;
	}

	public static boolean allDigits(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
