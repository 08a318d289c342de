package org.abusedesk.portal.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates on the customer's pages: to the minute, in UTC, said so. */
public final class PublicDates {

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String when(Instant instant) {
		return (instant != null) ? WHEN.format(instant) : "";
	}

	public String words(String wire) {
		return (wire != null) ? wire.replace('_', ' ') : "";
	}

}
