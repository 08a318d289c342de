package org.abusedesk.intake.internal;

import java.util.List;

/**
 * One type-specific field of a report: how it is named on the wire and in the form, what
 * it means, and what values it takes.
 *
 * @param name the JSON and form field name
 * @param label the form label
 * @param help one sentence shown under the field
 * @param kind what values it takes
 * @param required whether it must be given
 * @param maxLength for text, the limit in characters
 * @param choices for {@link Kind#CHOICE}, the allowed values
 */
record FieldSpec(String name, String label, String help, Kind kind, boolean required, int maxLength,
		List<String> choices) {

	enum Kind {

		/** One line of text. */
		TEXT,
		/** Several lines of text. */
		TEXTAREA,
		/** A statement the reporter must affirm (true). */
		AFFIRMATION,
		/** Yes or no. */
		BOOLEAN,
		/** One value of {@link FieldSpec#choices}. */
		CHOICE,
		/** An ISO 3166-1 alpha-2 country code. */
		COUNTRY,
		/** A list of ISO 3166-1 alpha-2 country codes (or {@code EU}). */
		COUNTRY_LIST,
		/** A list of port numbers. */
		PORT_LIST

	}

	static FieldSpec text(String name, String label, String help, boolean required, int maxLength) {
		return new FieldSpec(name, label, help, Kind.TEXT, required, maxLength, List.of());
	}

	static FieldSpec textarea(String name, String label, String help, boolean required, int maxLength) {
		return new FieldSpec(name, label, help, Kind.TEXTAREA, required, maxLength, List.of());
	}

	static FieldSpec affirmation(String name, String label, String help) {
		return new FieldSpec(name, label, help, Kind.AFFIRMATION, true, 0, List.of());
	}

	static FieldSpec bool(String name, String label, String help) {
		return new FieldSpec(name, label, help, Kind.BOOLEAN, true, 0, List.of());
	}

	static FieldSpec choice(String name, String label, String help, List<String> choices) {
		return new FieldSpec(name, label, help, Kind.CHOICE, true, 0, choices);
	}

	static FieldSpec of(String name, String label, String help, Kind kind, boolean required) {
		return new FieldSpec(name, label, help, kind, required, 0, List.of());
	}

}
