package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * Dates of birth: a date written in a common form right after words that say it is a
 * birth date (English, German, French, Dutch), more certain when a name precedes them.
 */
public final class BirthDateFinder implements Finder {

	private static final String MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December"
			+ "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Februar|März|Juni|Juli|Oktober|Dezember"
			+ "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
			+ "|januari|februari|maart|mei|augustus|oktober)\\.?";

	private static final Pattern DATE = Pattern.compile(
			"(?<![\\w./-])(?:" + "(?:0?[1-9]|[12]\\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)\\d{2}"
					+ "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
					+ "|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])/(?:19|20)\\d{2}"
					+ "|(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th|er)?\\.? " + MONTHS + ",? (?:19|20)\\d{2}" + "|"
					+ MONTHS + " (?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,? (?:19|20)\\d{2})(?![\\w/-])",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern BIRTH_WORDS = Pattern.compile(
			"(?i)(\\bborn\\b|\\bb\\.|\\bdob\\b|\\bd\\.o\\.b\\.?|date of birth|birth ?date|birthday|geboren|\\bgeb\\.|geburtsdatum|\\bnée?\\b|date de naissance|geboortedatum)[^.\\n]{0,20}$");

	private static final Pattern NAME_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+[^.\\n]{0,40}$");

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		Matcher matcher = DATE.matcher(text);
		while (matcher.find()) {
			String before = text.substring(Math.max(0, matcher.start() - 30), matcher.start());
			Matcher words = BIRTH_WORDS.matcher(before);
			if (!words.find()) {
				continue;
			}
			boolean named = NAME_BEFORE.matcher(text.substring(Math.max(0, matcher.start() - 70), matcher.start()))
				.find();
			found.add(new PersonalDataFinding(PersonalDataKind.DATE_OF_BIRTH, matcher.start(), matcher.end(),
					named ? 0.9 : 0.75,
					"date after '" + words.group(1).strip() + "'" + (named ? ", next to a name" : "")));
		}
	}

}
