package org.abusedesk.mitigations.internal;

import java.time.Instant;

import org.abusedesk.mitigations.Mitigations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets mitigations lapse when they expire (an emergency block unless renewed). Every node
 * may run it: {@link Mitigations#expireDue} claims rows with SKIP LOCKED.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MitigationExpiry {

	private static final int BATCH = 100;

	private final Mitigations mitigations;

	MitigationExpiry(Mitigations mitigations) {
		this.mitigations = mitigations;
	}

	@Scheduled(fixedDelayString = "${abusedesk.mitigations.expiry-interval-ms:60000}")
	void expire() {
		while (this.mitigations.expireDue(Instant.now(), BATCH) == BATCH) {
			// a full batch: there may be more due
		}
	}

}
