package org.abusedesk.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A half-open period {@code [from, to)} of a report or an export.
 *
 * @param from the first instant included
 * @param to the first instant no longer included
 */
public record Period(Instant from, Instant to) {

	public Period {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("The period must end after it starts.");
		}
	}

	/**
	 * Reads {@code YYYY-MM-DD} (a whole day, UTC) or an ISO instant; {@code to} as a date
	 * includes that whole day.
	 * @throws IllegalArgumentException naming the value that is neither, or a period that
	 * ends before it starts
	 */
	public static Period parse(String from, String to) {
		return new Period(instant(from, "from", false), instant(to, "to", true));
	}

	private static Instant instant(String value, String name, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required (YYYY-MM-DD or an ISO instant).");
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " is not a date (YYYY-MM-DD) or an ISO instant: " + value);
		}
	}

}
