package org.abusedesk.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.*}: who the desk's messages come from, where their links point, and
 * how the outbox delivers them.
 *
 * @param publicBaseUrl the address of the desk's public pages, for links in messages
 * @param mail {@code abusedesk.mail.*}
 * @param outbox {@code abusedesk.outbox.*}
 */
@ConfigurationProperties("abusedesk")
record NotificationProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue Mail mail,
		@DefaultValue Delivery outbox) {

	/**
	 * {@code abusedesk.mail.*}.
	 *
	 * @param from the sender of every message
	 * @param organisation the provider's name in X-ARF reports
	 */
	record Mail(@DefaultValue("abuse@abusedesk.invalid") String from, @DefaultValue("abusedesk") String organisation) {

	}

	/**
	 * {@code abusedesk.outbox.*}.
	 *
	 * @param lease how long a claimed message is held before another node may take it
	 * @param batchWindowMs how long the outbox waits after a wake-up to gather messages
	 * @param nodeTimeout how long a node may go unseen before its claims are taken over
	 * @param heartbeat how often a node shows it is alive, at most a third of
	 * {@code nodeTimeout}
	 */
	record Delivery(@DefaultValue("PT5M") Duration lease, @DefaultValue("100") long batchWindowMs,
			@DefaultValue("PT30S") Duration nodeTimeout, @DefaultValue("PT5S") Duration heartbeat) {

	}

}
