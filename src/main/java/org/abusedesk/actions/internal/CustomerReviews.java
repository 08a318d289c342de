package org.abusedesk.actions.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.actions.Mitigations.Mitigation;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CustomerReviewRequested;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A customer contests a mitigation ("request review"). The request is recorded in the
 * case's audit stream and the case goes back to the review queue; the mitigation itself
 * stays in force until staff decide (keep it, or {@link StaffLifts lift} it with a
 * reason): a review request never lifts anything by itself (DOMAIN.md, Redress). Only a
 * pending one that is not a legal block, an emergency block or a CSAM removal is
 * withdrawn at the customer's request, since it never took effect.
 */
@Service
class CustomerReviews {

	static final List<String> REASONS = List.of("removed", "misclassified");

	private final MitigationStore store;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CustomerReviews(MitigationStore store, AuditLog audit, ApplicationEventPublisher events) {
		this.store = store;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * @return the mitigation after the request, or empty when the account has no such
	 * mitigation
	 * @throws ResponseStatusException 409 when the mitigation is neither pending nor
	 * active
	 */
	@Transactional
	Optional<Mitigation> request(String accountRef, long mitigationId, String reason, String comment) {
		Optional<Mitigation> found = this.store.lockOfAccount(mitigationId, accountRef);
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		if (!List.of("active", "pending").contains(mitigation.status())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This mitigation is " + mitigation.status()
					+ "; a review can be requested while it is pending or active.");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", reason);
		facts.put("account_ref", accountRef);
		if (comment != null) {
			facts.put("comment", comment);
		}
		boolean withdrawn = "pending".equals(mitigation.status()) && !this.store.staysUntilStaffDecide(mitigation);
		if (withdrawn) {
			this.store.transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }), "cancelled",
					"mitigation.cancelled", "customer", facts);
		}
		else {
			// recorded, not applied: the mitigation stays as it is until staff decide
			facts.put("mitigation_id", mitigation.id());
			facts.put("status", mitigation.status());
			this.audit.append("case:" + mitigation.caseId(), "customer", "mitigation.review_requested", facts);
		}
		this.events.publishEvent(new CustomerReviewRequested(mitigation.caseId(), mitigation.id(), reason, comment));
		return this.store.find(mitigation.id());
	}

}
