package org.abusedesk.transparency.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the statements of reasons of new mitigation changes, and submits the waiting ones
 * when a database is configured. Every node may run it: the scan takes turns on its
 * cursor and the submission claims statements with SKIP LOCKED.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class StatementScanSchedule {

	private final StatementScan scan;

	private final StatementSubmitter submitter;

	StatementScanSchedule(StatementScan scan, StatementSubmitter submitter) {
		this.scan = scan;
		this.submitter = submitter;
	}

	@Scheduled(fixedDelayString = "${abusedesk.transparency.scan-interval-ms:5000}")
	void run() {
		this.scan.scanAll();
		if (this.submitter.enabled()) {
			this.submitter.submitDue();
		}
	}

}
