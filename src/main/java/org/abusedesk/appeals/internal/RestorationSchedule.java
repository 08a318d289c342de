package org.abusedesk.appeals.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Restorations} on every node, on the application's {@link Clock} (the
 * system's in UTC unless a {@code Clock} bean is given).
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RestorationSchedule {

	private static final int BATCH = 100;

	private final Restorations restorations;

	private final Clock clock;

	RestorationSchedule(Restorations restorations, ObjectProvider<Clock> clock) {
		this.restorations = restorations;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${abusedesk.counter-notices.restore-interval-ms:60000}")
	void restoreDue() {
		while (this.restorations.restoreDue(this.clock.instant(), BATCH) == BATCH) {
			// a full batch: there may be more due
		}
	}

}
