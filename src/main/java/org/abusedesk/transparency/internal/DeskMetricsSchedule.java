package org.abusedesk.transparency.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Refreshes the {@link DeskMetrics} on every node. */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DeskMetricsSchedule {

	private final DeskMetrics metrics;

	DeskMetricsSchedule(DeskMetrics metrics) {
		this.metrics = metrics;
	}

	@Scheduled(initialDelayString = "${abusedesk.transparency.metrics.initial-delay-ms:5000}",
			fixedDelayString = "${abusedesk.transparency.metrics.refresh-ms:30000}")
	void refresh() {
		this.metrics.refresh();
	}

}
