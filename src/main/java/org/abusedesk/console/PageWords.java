package org.abusedesk.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times and wire values in words for the console's pages ({@code ${@pageWords.when(t)}}):
 * a time to the minute in UTC, a duration in the largest sensible unit, a wire value with
 * its underscores as spaces.
 */
@Component
public class PageWords {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	/** "5 Dec 2026, 11:30 UTC", or "never" for none. */
	public String when(Instant instant) {
		return (instant != null) ? WHEN.format(instant) : "never";
	}

	/** The instant to the minute, as the machine-readable value of a time element. */
	public String iso(Instant instant) {
		return (instant != null) ? ISO_MINUTE.format(instant) : "";
	}

	/** "phishing_interstitial" as "phishing interstitial". */
	public String words(String wire) {
		return (wire != null) ? wire.replace('_', ' ') : "";
	}

	/** A duration as "3 days", "5 hours", "12 minutes". */
	public String duration(Duration duration) {
		if (duration == null) {
			return "none";
		}
		long minutes = Math.abs(duration.toMinutes());
		if (minutes >= 2 * 24 * 60) {
			return (minutes / (24 * 60)) + " days";
		}
		if (minutes >= 120) {
			return (minutes / 60) + " hours";
		}
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	/** How long ago (or, for a future time, how long until), in words. */
	public String ago(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration between = Duration.between(instant, Instant.now());
		return between.isNegative() ? "in " + duration(between) : duration(between) + " ago";
	}

}
