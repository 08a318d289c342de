package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tracking codes ({@code AD-7K3M-Q9XF-2HPA}) a text names. */
final class TrackingCodesInText {

	private static final Pattern CODE = Pattern
		.compile("(?i)\\bAD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\\b");

	private TrackingCodesInText() {
	}

	/** At most ten codes, upper case, in the order named. */
	static List<String> in(String text) {
		List<String> codes = new ArrayList<>();
		if (text == null) {
			return codes;
		}
		Matcher matcher = CODE.matcher(text);
		while (matcher.find() && codes.size() < 10) {
			String code = matcher.group().toUpperCase(Locale.ROOT);
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

}
