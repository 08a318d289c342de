package org.abusedesk.content.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * IBANs (ISO 13616): a country code, two check digits and the account number, written
 * compact or in groups of four, of the length the country uses, with the mod-97 check
 * holding.
 */
public final class IbanFinder implements Finder {

	private static final Map<String, Integer> LENGTHS = Map.ofEntries(Map.entry("AD", 24), Map.entry("AT", 20),
			Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24),
			Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
			Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28),
			Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20),
			Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18),
			Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24),
			Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TR", 26), Map.entry("VA", 22),
			Map.entry("SA", 24), Map.entry("AE", 23), Map.entry("IL", 23));

	private static final Pattern START = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{2})(\\d{2})");

	private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		Matcher matcher = START.matcher(text);
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			from = matcher.end();
			Integer length = LENGTHS.get(matcher.group(1));
			if (length == null) {
				continue;
			}
			int end = collect(text, matcher.start(), length);
			if (end < 0) {
				continue;
			}
			String compact = text.substring(matcher.start(), end).replace(" ", "");
			if (valid(compact)) {
				found.add(new PersonalDataFinding(PersonalDataKind.IBAN, matcher.start(), end, 0.98,
						"IBAN of " + matcher.group(1) + ", mod-97 check holds"));
				from = end;
			}
		}
	}

	/**
	 * The end of an IBAN of {@code length} characters starting at {@code start}, allowing
	 * single spaces between groups of four; -1 when the text does not hold one.
	 */
	private static int collect(String text, int start, int length) {
		int count = 0;
		int i = start;
		while (i < text.length() && count < length) {
			char c = text.charAt(i);
			if (isAlnum(c)) {
				count++;
				i++;
			}
			else if (c == ' ' && count % 4 == 0 && count > 0 && i + 1 < text.length() && isAlnum(text.charAt(i + 1))) {
				i++;
			}
			else {
				break;
			}
		}
		if (count != length || (i < text.length() && isAlnum(text.charAt(i)))) {
			return -1;
		}
		return i;
	}

	private static boolean isAlnum(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
	}

	/** The ISO 13616 check: rearranged and read as a number, it leaves 1 modulo 97. */
	static boolean valid(String compact) {
		String rearranged = compact.substring(4) + compact.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			if (c >= 'A' && c <= 'Z') {
				digits.append(c - 'A' + 10);
			}
			else {
				digits.append(c);
			}
		}
		return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
	}

}
