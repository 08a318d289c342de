package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Locale;

/**
 * A message as the format readers see it: the top-level headers and the flattened leaves.
 */
record MailView(HeaderLookup headers, String subject, List<MailPart> parts) {

	interface HeaderLookup {

		/** The values of a top-level header, topmost first; empty when absent. */
		List<String> values(String name);

	}

	String header(String name) {
		List<String> values = this.headers.values(name);
		return values.isEmpty() ? null : values.get(0).strip();
	}

	boolean headerIs(String name, String value) {
		String actual = header(name);
		return actual != null && actual.toLowerCase(Locale.ROOT).startsWith(value);
	}

	/** The first readable text meant for people: the first text/plain part. */
	String humanText() {
		for (MailPart part : this.parts) {
			if (part.baseType().equals("text/plain") && part.fileName() == null) {
				return part.text();
			}
		}
		return "";
	}

}
