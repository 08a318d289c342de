package org.abusedesk.mailbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a message is a complete copyright notice (17 U.S.C. 512(c)(3)), so that it can
 * be filed as {@code dmca} rather than left as {@code general} for a person: the work,
 * the rights holder's name and address, a signature, and the sender's own statements of
 * good faith and, under penalty of perjury, of accuracy and authority. The statements are
 * the sender's: we file them only when their words are in the message.
 */
final class CopyrightNotice {

	static final List<String> FIELDS = List.of("work", "rights_holder_name", "rights_holder_address", "signature");

	private static final Pattern PERJURY = Pattern.compile("(?i)penalty\\s+of\\s+perjury");

	private static final Pattern GOOD_FAITH = Pattern.compile("(?i)good[\\s-]+faith");

	private CopyrightNotice() {
	}

	static boolean complete(ParsedMessage parsed) {
		if (!FIELDS.stream().allMatch((field) -> parsed.details().containsKey(field))) {
			return false;
		}
		String words = parsed.thread().text() + "\n" + parsed.evidence();
		return PERJURY.matcher(words).find() && GOOD_FAITH.matcher(words).find();
	}

	/** The notice's fields for the report, clipped to the report's limits. */
	static Map<String, String> details(ParsedMessage parsed) {
		Map<String, String> details = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String value = parsed.details().get(field);
			int max = field.equals("work") ? 2000 : field.equals("rights_holder_address") ? 1000 : 255;
			details.put(field, (value.length() > max) ? value.substring(0, max) : value);
		}
		return details;
	}

}
