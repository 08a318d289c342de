package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/**
 * Vehicle licence plates in the current formats of the UK (AB12 CDE), France (AB-123-CD),
 * the Netherlands (the sidecodes in issue since 1999) and Germany (district, letters,
 * digits; only next to a word for plate, as the form is common in other text).
 */
public final class LicencePlateFinder implements Finder {

	private static final Pattern PLATE_WORDS = Pattern.compile(
			"(?i)(plate|registration|\\breg\\b|number plate|kennzeichen|kenteken|immatriculation|plaque|vehicle|car|auto|voiture)[^.\\n]{0,25}$");

	private final List<Form> forms = List.of(new Form("UK",
			Pattern.compile("(?<![\\w-])[A-HJ-PR-Y][A-HJ-PR-Y](?:0[1-9]|[1-7]\\d) ?[A-HJ-PR-Z]{3}(?![\\w-])"), false),
			new Form("FR", Pattern.compile("(?<![\\w-])[A-HJ-NP-TV-Z]{2}-\\d{3}-[A-HJ-NP-TV-Z]{2}(?![\\w-])"), false),
			new Form("NL", Pattern
				.compile("(?<![\\w-])(?:\\d{2}-[B-DF-HJ-NP-TV-Z]{3}-\\d|\\d-[B-DF-HJ-NP-TV-Z]{3}-\\d{2}"
						+ "|[B-DF-HJ-NP-TV-Z]{2}-\\d{3}-[B-DF-HJ-NP-TV-Z]|[B-DF-HJ-NP-TV-Z]-\\d{3}-[B-DF-HJ-NP-TV-Z]{2}"
						+ "|[B-DF-HJ-NP-TV-Z]{3}-\\d{2}-[B-DF-HJ-NP-TV-Z]|\\d-[B-DF-HJ-NP-TV-Z]{2}-\\d{3})(?![\\w-])"),
					false),
			new Form("DE", Pattern.compile("(?<![\\w-])[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} \\d{1,4}[EH]?(?![\\w-])"), true));

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		for (Form form : this.forms) {
			Matcher matcher = form.pattern.matcher(text);
			while (matcher.find()) {
				boolean labelled = PLATE_WORDS
					.matcher(text.substring(Math.max(0, matcher.start() - 40), matcher.start()))
					.find();
				if (form.needsLabel && !labelled) {
					continue;
				}
				found.add(new PersonalDataFinding(PersonalDataKind.LICENCE_PLATE, matcher.start(), matcher.end(),
						labelled ? 0.85 : 0.6,
						form.country + " licence plate format" + (labelled ? ", labelled" : "")));
			}
		}
	}

	private record Form(String country, Pattern pattern, boolean needsLabel) {
	}

}
