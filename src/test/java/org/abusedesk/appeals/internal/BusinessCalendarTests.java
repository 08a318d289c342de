package org.abusedesk.appeals.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class BusinessCalendarTests {

	private final BusinessCalendar calendar = new BusinessCalendar("UTC", List.of("SATURDAY", "SUNDAY"),
			List.of("2026-12-25", "2027-01-01"));

	@Test
	void weekendsAndConfiguredHolidaysAreSkipped() {
		// from Friday 18 December: two weekends and two holidays (the 25th, the 1st) fall
		// in between
		assertThat(this.calendar.plusBusinessDays(Instant.parse("2026-12-18T10:15:00Z"), 10))
			.isEqualTo(Instant.parse("2027-01-05T10:15:00Z"));
		// filed on a Saturday: counting starts on Monday
		assertThat(this.calendar.plusBusinessDays(Instant.parse("2026-03-07T09:00:00Z"), 10))
			.isEqualTo(Instant.parse("2026-03-20T09:00:00Z"));
	}

	@Test
	void theWeekendAndTheZoneAreTheOperators() {
		BusinessCalendar gulf = new BusinessCalendar("Asia/Dubai", List.of("saturday", "sunday"), List.of());
		// 23:30 UTC on a Friday is 03:30 on Saturday in Dubai: the next business day is
		// Monday, 03:30 in Dubai
		assertThat(gulf.plusBusinessDays(Instant.parse("2026-03-06T23:30:00Z"), 1))
			.isEqualTo(Instant.parse("2026-03-08T23:30:00Z"));
		BusinessCalendar fridays = new BusinessCalendar("UTC", List.of("FRIDAY"), List.of());
		assertThat(fridays.isBusinessDay(LocalDate.of(2026, 3, 6))).isFalse();
		assertThat(fridays.isBusinessDay(LocalDate.of(2026, 3, 7))).isTrue();
	}

	@Test
	void exactlyTheGivenNumberOfBusinessDaysLieBetweenTheTwoDates() {
		qt().forAll(longs().between(1_700_000_000L, 2_000_000_000L), integers().between(10, 14))
			.checkAssert((seconds, days) -> {
				Instant from = Instant.ofEpochSecond(seconds);
				Instant to = this.calendar.plusBusinessDays(from, days);
				assertThat(to.atZone(ZoneId.of("UTC")).toLocalTime())
					.isEqualTo(from.atZone(ZoneOffset.UTC).toLocalTime());
				LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
				assertThat(this.calendar.isBusinessDay(last)).isTrue();
				long between = from.atZone(ZoneOffset.UTC)
					.toLocalDate()
					.plusDays(1)
					.datesUntil(last.plusDays(1))
					.filter(this.calendar::isBusinessDay)
					.count();
				assertThat(between).isEqualTo((long) days);
				assertThat(last.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			});
	}

}
