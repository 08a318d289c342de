package org.abusedesk.appeals.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.appeals.CustomerReviewRequested;
import org.abusedesk.appeals.CustomerReviews;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer contests a mitigation ("request review"). The request is recorded in the
 * case's audit stream and the case goes back to the review queue; the mitigation itself
 * stays in force until staff decide (keep it, or lift it with a reason): a review request
 * never lifts anything by itself (DOMAIN.md, Redress). Only a pending one that is not a
 * legal block, an emergency block or a CSAM removal is withdrawn at the customer's
 * request, since it never took effect.
 */
@Service
class CustomerReviewService implements CustomerReviews {

	private final Mitigations mitigations;

	private final ApplicationEventPublisher events;

	CustomerReviewService(Mitigations mitigations, ApplicationEventPublisher events) {
		this.mitigations = mitigations;
		this.events = events;
	}

	@Override
	@Transactional
	public Optional<Mitigation> request(String accountRef, long mitigationId, AppealReason reason, String comment) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", reason.wire());
		facts.put("account_ref", accountRef);
		if (comment != null) {
			facts.put("comment", comment);
		}
		Optional<Mitigation> after = this.mitigations.reviewRequested(accountRef, mitigationId, facts);
		after.ifPresent((mitigation) -> this.events
			.publishEvent(new CustomerReviewRequested(mitigation.caseId(), mitigation.id(), reason, comment)));
		return after;
	}

}
