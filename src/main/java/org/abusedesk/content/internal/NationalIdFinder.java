package org.abusedesk.content.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * National identity and social-security numbers: US SSN, UK NINO, German Steuer-ID,
 * French NIR and Dutch BSN. A number is found when its rules or checksum hold and either
 * its written form is distinctive (SSN with dashes, NINO, NIR) or a label names it just
 * before (a bare nine- or eleven-digit number is too common to count on its own).
 */
public final class NationalIdFinder implements Finder {

	private static final int LABEL_WINDOW = 40;

	private static final Pattern DIGIT = Pattern.compile("\\d");

	private final List<Scheme> schemes = List.of(
			new Scheme("US SSN", Pattern.compile("(?<![\\w-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w-])"), false,
					Pattern.compile("(?i)\\b(ssn|social security|soc\\.? sec)"), IdentityNumbers::usSsn),
			new Scheme("US SSN", Pattern.compile("(?<![\\w-])\\d{9}(?![\\w-])"), true,
					Pattern.compile("(?i)\\b(ssn|social security|soc\\.? sec)"), IdentityNumbers::usSsn),
			new Scheme("UK NINO", Pattern.compile("(?<![\\w-])[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![\\w-])"),
					false, Pattern.compile("(?i)\\b(nino|national insurance|NI number|NI no)"),
					IdentityNumbers::ukNino),
			new Scheme("DE Steuer-ID", Pattern.compile("(?<![\\w-])[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}(?![\\w-])"), true,
					Pattern.compile(
							"(?i)(steuer-?id|steuerliche identifikationsnummer|steueridentifikationsnummer|steuer-identifikationsnummer|\\bidnr|\\btax id|\\btin\\b)"),
					IdentityNumbers::deSteuerId),
			new Scheme("FR NIR", Pattern.compile(
					"(?<![\\w-])[12] ?\\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\\d) ?(?:\\d{2}|2A|2B) ?\\d{3} ?\\d{3} ?\\d{2}(?![\\w-])"),
					false, Pattern.compile("(?i)(num[ée]ro de s[ée]curit[ée] sociale|\\bnir\\b|s[ée]cu\\b|insee)"),
					IdentityNumbers::frNir),
			new Scheme("NL BSN",
					Pattern
						.compile("(?<![\\w.-])(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3}\\.\\d{3}\\.\\d{3})(?![\\w-])"),
					true, Pattern.compile("(?i)\\b(bsn|burgerservicenummer|sofi-?nummer|sofinummer)"),
					IdentityNumbers::nlBsn));

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		// the numbers found, by start: they do not overlap, so only the one that starts
		// last before a match ends can overlap it (searching the list for each match made
		// a text of many numbers quadratic)
		TreeMap<Integer, PersonalDataFinding> byStart = new TreeMap<>();
		for (Scheme scheme : this.schemes) {
			Matcher matcher = scheme.pattern.matcher(text);
			while (matcher.find()) {
				String compact = matcher.group().replace(" ", "").replace("-", "").replace(".", "");
				if (!scheme.check.test(compact)) {
					continue;
				}
				boolean labelled = labelled(text, matcher.start(), scheme.label);
				if (scheme.needsLabel && !labelled) {
					continue;
				}
				Map.Entry<Integer, PersonalDataFinding> before = byStart.lowerEntry(matcher.end());
				if (before != null && before.getValue().overlaps(matcher.start(), matcher.end())) {
					continue;
				}
				String why = scheme.name + ((scheme.name.startsWith("UK") || scheme.name.startsWith("US SSN"))
						? " rules hold" : " checksum holds") + (labelled ? ", labelled" : "");
				PersonalDataFinding finding = new PersonalDataFinding(PersonalDataKind.NATIONAL_ID, matcher.start(),
						matcher.end(), labelled ? 0.97 : 0.85, why);
				found.add(finding);
				byStart.put(finding.start(), finding);
			}
		}
	}

	private static boolean labelled(String text, int start, Pattern label) {
		String before = text.substring(Math.max(0, start - LABEL_WINDOW), start);
		Matcher matcher = label.matcher(before);
		int end = -1;
		while (matcher.find()) {
			end = matcher.end();
		}
		// the label names this number only when no other number stands between them
		return end >= 0 && !DIGIT.matcher(before.substring(end)).find();
	}

	private record Scheme(String name, Pattern pattern, boolean needsLabel, Pattern label, Predicate<String> check) {
	}

}
