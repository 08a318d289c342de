package org.abusedesk.notifications.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code abusedesk.public-base-url}, {@code abusedesk.mail.*} and
 * {@code abusedesk.outbox.*} of the README: their defaults, and the formats they accept.
 */
class NotificationPropertiesTests {

	@Test
	void withoutPropertiesTheDefaultsOfTheReadmeApply() {
		NotificationProperties properties = bind(Map.of());

		assertThat(properties.publicBaseUrl()).isEqualTo("http://localhost:8080");
		assertThat(properties.mail().from()).isEqualTo("abuse@abusedesk.invalid");
		assertThat(properties.mail().organisation()).isEqualTo("abusedesk");
		assertThat(properties.outbox().lease()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.outbox().batchWindowMs()).isEqualTo(100);
		assertThat(properties.outbox().nodeTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.outbox().heartbeat()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void isoAndSimpleDurationsAreRead() {
		NotificationProperties properties = bind(
				Map.of("abusedesk.public-base-url", "https://abuse.example.net/", "abusedesk.mail.from",
						"abuse@example.net", "abusedesk.outbox.lease", "PT3S", "abusedesk.outbox.node-timeout", "1m",
						"abusedesk.outbox.heartbeat", "10s", "abusedesk.outbox.batch-window-ms", "0"));

		assertThat(properties.publicBaseUrl()).isEqualTo("https://abuse.example.net/");
		assertThat(properties.mail().from()).isEqualTo("abuse@example.net");
		assertThat(properties.outbox().lease()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.outbox().nodeTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.outbox().heartbeat()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.outbox().batchWindowMs()).isZero();
	}

	private static NotificationProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("abusedesk",
				NotificationProperties.class);
	}

}
