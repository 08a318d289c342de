package org.abusedesk.mitigations.internal;

import java.time.Instant;

import org.abusedesk.mitigations.Mitigations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes pending mitigations into effect when the customer's grace period ends. Every node
 * may run it: {@link Mitigations#activateDue} claims rows with SKIP LOCKED, so each
 * mitigation is activated, audited and announced once.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MitigationActivation {

	private static final int BATCH = 100;

	private final Mitigations mitigations;

	MitigationActivation(Mitigations mitigations) {
		this.mitigations = mitigations;
	}

	@Scheduled(fixedDelayString = "${abusedesk.mitigations.activation-interval-ms:10000}")
	void activate() {
		while (this.mitigations.activateDue(Instant.now(), BATCH) == BATCH) {
			// a full batch: there may be more due
		}
	}

}
