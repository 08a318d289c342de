package org.abusedesk.mitigations.internal;

import java.time.Instant;

import org.abusedesk.mitigations.Mitigations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the cases of mitigations whose review date has passed back in the review queue.
 * Every node may run it: {@link Mitigations#queueDueReviews} claims rows with SKIP LOCKED
 * and records each review date once.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MitigationReviewSchedule {

	private static final int BATCH = 100;

	private final Mitigations mitigations;

	MitigationReviewSchedule(Mitigations mitigations) {
		this.mitigations = mitigations;
	}

	@Scheduled(fixedDelayString = "${abusedesk.mitigations.review-interval-ms:60000}")
	void queueDueReviews() {
		while (this.mitigations.queueDueReviews(Instant.now(), BATCH) == BATCH) {
			// a full batch: there may be more due
		}
	}

}
