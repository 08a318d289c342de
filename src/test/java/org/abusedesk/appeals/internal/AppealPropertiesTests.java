package org.abusedesk.appeals.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code abusedesk.appeals.*}, {@code abusedesk.counter-notices.*} and
 * {@code abusedesk.strikes.*} of the README: their defaults, and the formats they accept.
 */
class AppealPropertiesTests {

	@Test
	void withoutPropertiesTheDefaultsOfTheReadmeApply() {
		AppealProperties properties = bind(Map.of());

		assertThat(properties.publicBaseUrl()).isEqualTo("http://localhost:8080");
		assertThat(properties.appeals().window()).isEqualTo(Period.ofMonths(6));
		assertThat(properties.appeals().decideWithin()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.appeals().redress()).contains("Article 21", "the courts; this appeal");
		assertThat(properties.counterNotices().restoreAfterBusinessDays()).isEqualTo(10);
		assertThat(properties.counterNotices().calendar().zone()).isEqualTo("UTC");
		assertThat(properties.counterNotices().calendar().weekend()).containsExactly("SATURDAY", "SUNDAY");
		assertThat(properties.counterNotices().calendar().holidays()).isEmpty();
		assertThat(properties.strikes().window()).isEqualTo(Duration.ofDays(365));
		assertThat(properties.strikes().repeatInfringerAt()).isEqualTo(3);
		assertThat(properties.strikes().reporterWarningAt()).isEqualTo(2);
		assertThat(properties.strikes().reporterSuspendAt()).isEqualTo(3);
		assertThat(properties.strikes().reporterSuspension()).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void simpleAndIsoDurationsCommaSeparatedListsAndRedressWithCommasAreRead() {
		AppealProperties properties = bind(Map.of("abusedesk.appeals.window", "12m", "abusedesk.appeals.decide-within",
				"P3D", "abusedesk.appeals.redress", "Write to us, or to the courts, within a month.",
				"abusedesk.counter-notices.calendar.weekend", "friday,saturday",
				"abusedesk.counter-notices.calendar.holidays", "2026-12-25, 2027-01-01", "abusedesk.strikes.window",
				"P180D", "abusedesk.strikes.reporter-suspension", "12h"));

		assertThat(properties.appeals().window()).isEqualTo(Period.ofMonths(12));
		assertThat(properties.appeals().decideWithin()).isEqualTo(Duration.ofDays(3));
		assertThat(properties.appeals().redress()).isEqualTo("Write to us, or to the courts, within a month.");
		assertThat(properties.counterNotices().calendar().weekend()).containsExactly("friday", "saturday");
		assertThat(new BusinessCalendar(properties).isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
		assertThat(properties.strikes().window()).isEqualTo(Duration.ofDays(180));
		assertThat(properties.strikes().reporterSuspension()).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void anEmptyHolidayListIsNoHoliday() {
		AppealProperties properties = bind(Map.of("abusedesk.counter-notices.calendar.holidays", ""));

		assertThat(properties.counterNotices().calendar().holidays()).isEqualTo(List.of());
	}

	private static AppealProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("abusedesk",
				AppealProperties.class);
	}

}
