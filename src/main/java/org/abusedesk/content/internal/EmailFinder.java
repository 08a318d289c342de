package org.abusedesk.content.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.content.PersonalDataFinding;
import org.abusedesk.content.PersonalDataKind;

/** Email addresses: a local part, an at sign and a domain with a top-level label. */
public final class EmailFinder implements Finder {

	private static final Pattern EMAIL = Pattern.compile(
			"(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

	@Override
	public void find(String text, List<PersonalDataFinding> found) {
		Matcher matcher = EMAIL.matcher(text);
		while (matcher.find()) {
			String local = matcher.group().substring(0, matcher.group().indexOf('@'));
			if (local.endsWith(".") || local.contains("..")) {
				continue;
			}
			found.add(new PersonalDataFinding(PersonalDataKind.EMAIL, matcher.start(), matcher.end(), 0.97,
					"email address"));
		}
	}

}
