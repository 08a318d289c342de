package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Withholds the reporter's identity from the words of a message that become a report's
 * justification, which goes to the host and the owner and is shown to every role. The
 * reporter's identity lives in the reporter fields only; their notify choices decide who
 * sees it.
 *
 * <p>
 * Linear in the text: each identity is found with {@link String#indexOf} over a
 * lower-case copy, never with a pattern.
 */
final class ReporterRedaction {

	static final String WITHHELD = "[reporter withheld]";

	/** Names shorter than this are too likely to be ordinary words. */
	private static final int MIN_NAME_LENGTH = 4;

	private final List<String> identities;

	private ReporterRedaction(List<String> identities) {
		this.identities = identities;
	}

	/**
	 * @param addresses the reporter's addresses (sender, reporter email); nulls ignored
	 * @param names the reporter's names; nulls and short names ignored
	 */
	static ReporterRedaction of(List<String> addresses, List<String> names) {
		List<String> identities = new ArrayList<>();
		for (String address : addresses) {
			if (address != null && address.contains("@")) {
				identities.add(address.strip().toLowerCase(Locale.ROOT));
			}
		}
		for (String name : names) {
			if (name != null && name.strip().length() >= MIN_NAME_LENGTH && !name.contains("@")) {
				identities.add(name.strip().toLowerCase(Locale.ROOT));
				turned(name).ifPresent(identities::add);
			}
		}
		// the longest first, so that an address is withheld whole before a name in it
		identities.sort(Comparator.comparingInt(String::length).reversed());
		return new ReporterRedaction(identities.stream().distinct().toList());
	}

	/**
	 * The name the other way round: mail clients that file people by surname send
	 * {@code "Quillfeather, Zebulon"} while the signature says
	 * {@code Zebulon Quillfeather}, and the other way about.
	 */
	private static Optional<String> turned(String name) {
		String plain = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		int comma = plain.indexOf(',');
		if (comma > 0 && comma == plain.lastIndexOf(',')) {
			String last = plain.substring(0, comma).strip();
			String first = plain.substring(comma + 1).strip();
			return (last.isEmpty() || first.isEmpty()) ? Optional.empty() : Optional.of(first + " " + last);
		}
		String[] words = plain.split(" ");
		return (words.length == 2) ? Optional.of(words[1] + ", " + words[0]) : Optional.empty();
	}

	String apply(String text) {
		if (text == null || this.identities.isEmpty()) {
			return text;
		}
		String result = text;
		for (String identity : this.identities) {
			result = withhold(result, identity);
		}
		return result;
	}

	private static String withhold(String text, String identity) {
		// Locale.ROOT lower-casing keeps the length of ASCII text; where it does not, the
		// text is searched as it is (case-sensitively) rather than at shifted offsets
		String lower = text.toLowerCase(Locale.ROOT);
		String haystack = (lower.length() == text.length()) ? lower : text;
		int at = haystack.indexOf(identity);
		if (at < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int from = 0;
		while (at >= 0) {
			out.append(text, from, at).append(WITHHELD);
			from = at + identity.length();
			at = haystack.indexOf(identity, from);
		}
		return out.append(text, from, text.length()).toString();
	}

}
