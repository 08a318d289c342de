package org.abusedesk.appeals;

import java.util.List;
import java.util.Optional;

import org.abusedesk.mitigations.Mitigations.Mitigation;

/**
 * A customer contests a mitigation ("request review", the reasons Cloudflare's customer
 * API offers). The request is in the case's audit stream and the case goes back to the
 * review queue; the mitigation stays in force until staff decide: a review request never
 * lifts anything by itself (DOMAIN.md, Redress). Only a pending one that is not a legal
 * block, an emergency block or a CSAM removal is withdrawn, since it never took effect.
 * Publishes {@link CustomerReviewRequested}.
 */
public interface CustomerReviews {

	/** The reasons a customer may give. */
	List<AppealReason> REASONS = List.of(AppealReason.REMOVED, AppealReason.MISCLASSIFIED);

	/**
	 * @param reason one of {@link #REASONS}
	 * @return the mitigation after the request, or empty when the account has no such
	 * mitigation
	 * @throws org.springframework.web.server.ResponseStatusException 409 when the
	 * mitigation is neither pending nor active
	 */
	Optional<Mitigation> request(String accountRef, long mitigationId, AppealReason reason, String comment);

}
