package org.abusedesk.console;

import java.util.List;
import java.util.Optional;

import org.abusedesk.vocabulary.WireValue;

/**
 * A filter's word that names none of the form's choices (a typed or edited address): the
 * page says so instead of matching no case, or every one, without a word.
 */
final class FilterChoices {

	/** How much of an unknown word the message repeats. */
	static final int SHOWN = 60;

	private FilterChoices() {
	}

	/**
	 * The message for {@code value} when it is given and names none of {@code type}'s
	 * wire values exactly (as every {@code fromWire} reads them, ADR 0011), else empty.
	 * @param what the filter's name in the message ("report type")
	 */
	static <E extends Enum<E> & WireValue> Optional<String> unknown(String what, String value, Class<E> type) {
		List<String> allowed = WireValue.wires(type);
		if (value == null || value.isBlank() || allowed.contains(value.strip())) {
			return Optional.empty();
		}
		String word = value.strip();
		String shown = (word.length() > SHOWN) ? word.substring(0, SHOWN) + "…" : word;
		return Optional.of("No " + what + " " + shown + "; one of: " + String.join(", ", allowed) + ".");
	}

	/** The first message of several filters, if any. */
	@SafeVarargs
	static Optional<String> first(Optional<String>... messages) {
		for (Optional<String> message : messages) {
			if (message.isPresent()) {
				return message;
			}
		}
		return Optional.empty();
	}

}
