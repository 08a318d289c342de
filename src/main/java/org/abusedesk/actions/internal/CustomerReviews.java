package org.abusedesk.actions.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.actions.Mitigations.Mitigation;
import org.abusedesk.cases.CustomerReviewRequested;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A customer contests a mitigation ("request review"): an active one goes to
 * {@code in_review} (the edge lifts it until a person decides again), a pending one is
 * cancelled, and the case goes back to the queue.
 */
@Service
class CustomerReviews {

	static final List<String> REASONS = List.of("removed", "misclassified");

	private final MitigationStore store;

	private final ApplicationEventPublisher events;

	CustomerReviews(MitigationStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * @return the mitigation after the change, or empty when the account has no such
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
		String next = switch (mitigation.status()) {
			case "active" -> "in_review";
			case "pending" -> "cancelled";
			default -> throw new ResponseStatusException(HttpStatus.CONFLICT, "This mitigation is "
					+ mitigation.status() + "; a review can be requested while it is pending " + "or active.");
		};
		Map<String, Object> facts = new java.util.LinkedHashMap<>();
		facts.put("reason", reason);
		facts.put("account_ref", accountRef);
		if (comment != null) {
			facts.put("comment", comment);
		}
		this.store.transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }), next,
				"in_review".equals(next) ? "mitigation.review_requested" : "mitigation.cancelled", "customer", facts);
		this.events.publishEvent(new CustomerReviewRequested(mitigation.caseId(), mitigation.id(), reason, comment));
		return this.store.find(mitigation.id());
	}

}
