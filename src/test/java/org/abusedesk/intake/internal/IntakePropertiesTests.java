package org.abusedesk.intake.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code abusedesk.intake.*} of the README: their defaults, and the formats they
 * accept.
 */
class IntakePropertiesTests {

	@Test
	void withoutPropertiesTheDefaultsOfTheReadmeApply() {
		IntakeProperties properties = bind(Map.of());

		assertThat(properties.concurrency().untrusted()).isEqualTo(16);
		assertThat(properties.concurrency().trusted()).isEqualTo(16);
		assertThat(properties.concurrency().sentLittle()).isEqualTo(4);
		assertThat(properties.maxBacklog()).isEqualTo(5000);
		assertThat(properties.rateLimit().perAddressPerMinute()).isEqualTo(60);
		assertThat(properties.rateLimit().perTokenPerMinute()).isEqualTo(6000);
		assertThat(properties.rateLimit().untrustedTotalPerMinute()).isEqualTo(60000);
		assertThat(properties.rateLimit().trustedTotalPerMinute()).isEqualTo(60000);
		assertThat(properties.rateLimit().perMailSenderPerMinute()).isEqualTo(60);
		assertThat(properties.batchChunkSize()).isEqualTo(BatchIntake.DEFAULT_CHUNK_SIZE);
		assertThat(properties.invalidArchiveBytesPerDay()).isEqualTo(8 * 1024 * 1024);
		assertThat(properties.rawRetention()).isEqualTo(Duration.ofDays(30));
		assertThat(properties.duplicateWindow()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void theBenchmarksAndTheCrashTestsSettingsAreRead() {
		IntakeProperties properties = bind(Map.of("abusedesk.intake.max-backlog", "100000000",
				"abusedesk.intake.rate-limit.per-address-per-minute", "100000", "abusedesk.intake.duplicate-window",
				"24h", "abusedesk.intake.raw-retention", "P7D", "abusedesk.intake.concurrency.sent-little", "0"));

		assertThat(properties.maxBacklog()).isEqualTo(100_000_000);
		assertThat(properties.rateLimit().perAddressPerMinute()).isEqualTo(100_000);
		assertThat(properties.rateLimit().perTokenPerMinute()).isEqualTo(6000);
		assertThat(properties.duplicateWindow()).isEqualTo(Duration.ofHours(24));
		assertThat(properties.rawRetention()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.concurrency().sentLittle()).isZero();
		assertThat(properties.concurrency().untrusted()).isEqualTo(16);
	}

	private static IntakeProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("abusedesk.intake",
				IntakeProperties.class);
	}

}
