package org.abusedesk.appeals.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Business days for the DMCA counter-notice timer: every day but the weekend days and the
 * holidays the operator configures, in the operator's time zone.
 * <ul>
 * <li>{@code abusedesk.counter-notices.calendar.zone} (default {@code UTC});</li>
 * <li>{@code abusedesk.counter-notices.calendar.weekend} (default
 * {@code SATURDAY,SUNDAY});</li>
 * <li>{@code abusedesk.counter-notices.calendar.holidays}: ISO dates, e.g.
 * {@code 2026-12-25,2027-01-01} (default none).</li>
 * </ul>
 */
@Component
class BusinessCalendar {

	private final ZoneId zone;

	private final Set<DayOfWeek> weekend;

	private final Set<LocalDate> holidays;

	@Autowired
	BusinessCalendar(AppealProperties properties) {
		this(properties.counterNotices().calendar().zone(), properties.counterNotices().calendar().weekend(),
				properties.counterNotices().calendar().holidays());
	}

	BusinessCalendar(String zone, List<String> weekend, List<String> holidays) {
		this.zone = ZoneId.of(zone.strip());
		this.weekend = weekend.stream()
			.filter((day) -> !day.isBlank())
			.map((day) -> DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT)))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		this.holidays = holidays.stream()
			.filter((day) -> !day.isBlank())
			.map((day) -> LocalDate.parse(day.strip()))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		if (this.weekend.size() >= 7) {
			throw new IllegalArgumentException("abusedesk.counter-notices.calendar.weekend leaves no business day");
		}
	}

	boolean isBusinessDay(LocalDate day) {
		return !this.weekend.contains(day.getDayOfWeek()) && !this.holidays.contains(day);
	}

	/**
	 * The instant {@code days} business days after {@code from}: the same time of day on
	 * the {@code days}-th business day after {@code from}'s date, so that at least that
	 * many whole business days lie between the two.
	 */
	Instant plusBusinessDays(Instant from, int days) {
		ZonedDateTime start = from.atZone(this.zone);
		LocalDate day = start.toLocalDate();
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isBusinessDay(day)) {
				counted++;
			}
		}
		return start.with(day).toInstant();
	}

}
