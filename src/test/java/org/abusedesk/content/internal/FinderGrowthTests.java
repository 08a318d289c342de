package org.abusedesk.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.CountedText;
import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal-data finders do work linear in the text, counted as characters read (not
 * timed): the reads for a text twice as long are about twice as many, never four times
 * (quadratic) or beyond a cap (exponential).
 */
class FinderGrowthTests {

	/** Reads at which a search is stopped: far above linear work for these sizes. */
	private static final long CAP = 50_000_000L;

	@Test
	void hyphenatedCityBeforeNoStateIsReadInLinearWork() {
		// "1 A Street, Aa-Aa-Aa-...": each hyphen could end a word of the city or be a
		// separator, and with no state after it every one of the 2^n splits was tried
		for (AddressFinder.Form form : AddressFinder.FORMS) {
			assertLinear(form.country(), form.pattern(), (n) -> "1 A Street, " + "Aa-".repeat(n));
			assertLinear(form.country(), form.pattern(), (n) -> "1 A Road, Aa-" + "Aa-".repeat(n));
		}
	}

	@Test
	void streetWordsJoinedByApostrophesAreReadInLinearWork() {
		// "Aa'Aa'Aa...": a German or Dutch street could start after each apostrophe, and
		// each start read to the end of the run: quadratic
		for (AddressFinder.Form form : AddressFinder.FORMS) {
			assertLinear(form.country(), form.pattern(), (n) -> "Aa'".repeat(n));
			assertLinear(form.country(), form.pattern(), (n) -> "éAa".repeat(n));
			assertLinear(form.country(), form.pattern(), (n) -> "Aa.".repeat(n));
		}
	}

	@Test
	void addressesAreStillFound() {
		List<PersonalDataFinding> found = new ArrayList<>();
		String text = "Send it to 1600 Pennsylvania Avenue NW, Washington, DC 20500 or 10 Downing Street, London,"
				+ " SW1A 2AA or Hauptstraße 5, 10115 Berlin-Mitte or 12 rue de la Paix, 75002 Paris"
				+ " or Kalverstraat 92, 1012 PH Amsterdam or 12 Main Street, Winston-Salem, NC 27101.";
		new AddressFinder().find(text, found);
		assertThat(found).extracting((f) -> text.substring(f.start(), f.end()))
			.contains("10 Downing Street, London, SW1A 2AA", "Hauptstraße 5, 10115 Berlin-Mitte",
					"12 rue de la Paix, 75002 Paris", "Kalverstraat 92, 1012 PH Amsterdam",
					"12 Main Street, Winston-Salem, NC 27101");
		assertThat(found).allMatch((f) -> f.kind() == PersonalDataKind.STREET_ADDRESS);
	}

	@Test
	void manyIdentityNumbersAreEachFoundOnce() {
		// each number was checked against every number found before it (quadratic); the
		// numbers found are now looked up by position
		String text = "SSN 123-45-6789 and 123 45 6789, ".repeat(2_000);
		List<PersonalDataFinding> found = new ArrayList<>();
		new NationalIdFinder().find(text, found);
		assertThat(found).hasSize(4_000).allMatch((f) -> f.kind() == PersonalDataKind.NATIONAL_ID);
		for (int i = 1; i < found.size(); i++) {
			for (int j = Math.max(0, i - 3); j < i; j++) {
				assertThat(found.get(i).overlaps(found.get(j))).isFalse();
			}
		}
	}

	static void assertLinear(String what, Pattern pattern, IntFunction<String> input) {
		long small = reads(pattern, input.apply(1_000));
		long large = reads(pattern, input.apply(2_000));
		String sample = input.apply(3);
		assertThat(large).as("%s on %s...: reads for n=1000 %d, for n=2000 %d", what, sample, small, large)
			.isLessThan(CAP)
			.isLessThanOrEqualTo(3 * Math.max(small, 1_000));
	}

	/** Characters read to find every match, or more than {@link #CAP} when stopped. */
	static long reads(Pattern pattern, String text) {
		CountedText counted = new CountedText(text, CAP);
		Matcher matcher = pattern.matcher(counted);
		try {
			while (matcher.find()) {
				// every match, as the finders search
			}
		}
		catch (CountedText.Stopped ex) {
			// stopped at the cap
		}
		return counted.reads();
	}

}
