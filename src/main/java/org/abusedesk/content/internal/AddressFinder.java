package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * Street addresses written the way each country writes them: house number, street (with a
 * street word), postcode of the country's form and city. A street without a postcode is
 * not enough: "Main Street" alone locates nobody.
 */
public final class AddressFinder implements Finder {

	/**
	 * A city of one or more words. Each word is read whole (possessive): a hyphen is both
	 * part of a word and a separator, and "Aa-Aa-Aa..." could be split in 2^n ways, each
	 * tried when no state or postcode follows.
	 */
	private static final String CITY = "\\p{Lu}[\\p{L}'.-]++(?:[ -](?:\\p{Lu}[\\p{L}'.-]++|sur|en|am|an der|upon|on|de|le|la))*?";

	private static final String WORD = "\\p{Lu}[\\p{L}'.-]*+";

	/**
	 * Where a German or Dutch street name may start: not inside a run of the characters
	 * of a word, or each apostrophe of "Aa'Aa'Aa..." started a read to the end of the
	 * run.
	 */
	private static final String NOT_INSIDE_A_WORD = "(?<![\\w\\p{L}'.-])";

	static final List<Form> FORMS = List.of(new Form("US", Pattern.compile("(?<![\\w-])\\d{1,6} (?:[NSEW]\\.? )?(?:"
			+ WORD + " ){1,3}"
			+ "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Parkway|Pkwy)\\.?"
			+ "(?:,? (?:Apt|Apartment|Suite|Ste|Unit|#)\\.? ?[\\w-]+)?,? " + CITY
			+ ",? (?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]) \\d{5}(?:-\\d{4})?(?!\\d)")),
			new Form("UK", Pattern.compile("(?<![\\w-])(?:(?:Flat|Apartment) \\d+[A-Za-z]?,? )?\\d{1,4}[A-Za-z]? (?:"
					+ WORD
					+ " ){1,3}(?:Street|Road|Lane|Avenue|Close|Gardens|Crescent|Drive|Way|Place|Terrace|Grove|Hill|Row|Square|Mews|Walk|Rise|Park)"
					+ "(?:, " + CITY
					+ "){1,2},? (?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?) ?\\d[ABD-HJLNP-UW-Z]{2}(?![\\w])")),
			new Form("DE", Pattern.compile(NOT_INSIDE_A_WORD + "(?:(?:" + WORD
					+ " )?\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee)"
					+ "|(?:Am|An der|Im|Auf dem|Zum|Zur) \\p{Lu}[\\p{L}-]+|" + WORD
					+ " (?:Straße|Strasse|Weg|Allee|Platz|Ring)) \\d{1,4}[a-z]?,? (?:D-)?\\d{5} " + CITY
					+ "(?![\\p{L}])")),
			new Form("FR", Pattern.compile(
					"(?<![\\w-])\\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|av\\.|boulevard|bd|place|allée|chemin|impasse|quai|route|cours|square) "
							+ "(?:[\\p{L}'-]+ ){0,5}?[\\p{L}'-]+,? (?:F-)?\\d{5} " + CITY + "(?![\\p{L}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)),
			new Form("NL", Pattern.compile(NOT_INSIDE_A_WORD + "(?:" + WORD
					+ " )?\\p{Lu}[\\p{L}-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|markt)"
					+ " \\d{1,4}(?: ?[a-zA-Z]|-\\d+)?,? \\d{4} ?[A-Z]{2},? " + CITY + "(?![\\p{L}])")));

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		for (Form form : FORMS) {
			Matcher matcher = form.pattern.matcher(text);
			while (matcher.find()) {
				found.add(new PersonalDataFinding(PersonalDataKind.STREET_ADDRESS, matcher.start(), matcher.end(), 0.9,
						form.country + " street address: number, street, postcode and city"));
			}
		}
	}

	record Form(String country, Pattern pattern) {
	}

}
