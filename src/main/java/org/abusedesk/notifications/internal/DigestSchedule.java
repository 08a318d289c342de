package org.abusedesk.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due digests ({@code abusedesk.digests.poll-interval}, default every 30
 * seconds); off in one-shot commands ({@code abusedesk.jobs.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DigestSchedule {

	private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

	private final Digests digests;

	DigestSchedule(Digests digests) {
		this.digests = digests;
	}

	@Scheduled(initialDelay = 5_000, fixedDelayString = "${abusedesk.digests.poll-interval:PT30S}")
	void poll() {
		try {
			int queued = this.digests.queueDue();
			if (queued > 0) {
				log.info("{} digest(s) queued", queued);
			}
		}
		catch (RuntimeException ex) {
			// the notices wait; the next poll tries again
			log.warn("digest run failed: {}", ex.toString());
		}
	}

}
