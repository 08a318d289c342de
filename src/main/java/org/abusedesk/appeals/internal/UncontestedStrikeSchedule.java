package org.abusedesk.appeals.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link UncontestedStrikes} on every node, every
 * {@code abusedesk.strikes.uncontested-interval-ms} (an hour), on the application's
 * {@link Clock}.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class UncontestedStrikeSchedule {

	private static final int BATCH = 100;

	private final UncontestedStrikes strikes;

	private final Clock clock;

	UncontestedStrikeSchedule(UncontestedStrikes strikes, ObjectProvider<Clock> clock) {
		this.strikes = strikes;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${abusedesk.strikes.uncontested-interval-ms:3600000}")
	void recordDue() {
		while (this.strikes.recordDue(this.clock.instant(), BATCH) == BATCH) {
			// a full batch: there may be more due
		}
	}

}
