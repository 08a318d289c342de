package org.abusedesk.actions.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox. Every node may run it: claims keep each message to one node.
 * {@code abusedesk.outbox.schedule-enabled=false} leaves delivery to explicit calls
 * (tests).
 */
@Component
@ConditionalOnProperty(name = { "abusedesk.jobs.enabled", "abusedesk.outbox.schedule-enabled" }, havingValue = "true",
		matchIfMissing = true)
class OutboxSchedule {

	private final OutboxDispatcher dispatcher;

	OutboxSchedule(OutboxDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${abusedesk.outbox.poll-interval-ms:500}")
	void poll() {
		this.dispatcher.dispatchDue();
	}

}
