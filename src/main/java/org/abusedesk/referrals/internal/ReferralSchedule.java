package org.abusedesk.referrals.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the CyberTipline reports due on every node; the claims keep each report to one
 * node at a time.
 */
@Component
@ConditionalOnProperty(name = "abusedesk.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReferralSchedule {

	private static final Logger log = LoggerFactory.getLogger(ReferralSchedule.class);

	private final NcmecDispatcher dispatcher;

	ReferralSchedule(NcmecDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "${abusedesk.referrals.poll-interval:PT10S}")
	void poll() {
		try {
			this.dispatcher.dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("CyberTipline delivery failed: {}", ex.getMessage());
		}
	}

}
