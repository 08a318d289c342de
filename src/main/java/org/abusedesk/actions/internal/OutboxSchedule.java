package org.abusedesk.actions.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox (emails and webhooks). Every node may run it: claims keep each message
 * to one node. {@code abusedesk.outbox.schedule-enabled=false} leaves delivery to
 * explicit calls (tests).
 */
@Component
@ConditionalOnProperty(name = { "abusedesk.jobs.enabled", "abusedesk.outbox.schedule-enabled" }, havingValue = "true",
		matchIfMissing = true)
class OutboxSchedule {

	private final OutboxDispatcher dispatcher;

	private final WebhookDelivery webhooks;

	OutboxSchedule(OutboxDispatcher dispatcher, WebhookDelivery webhooks) {
		this.dispatcher = dispatcher;
		this.webhooks = webhooks;
	}

	@Scheduled(fixedDelayString = "${abusedesk.outbox.poll-interval-ms:500}")
	void poll() {
		this.dispatcher.dispatchDue();
		this.webhooks.dispatchDue();
	}

}
