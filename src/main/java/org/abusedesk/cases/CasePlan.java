package org.abusedesk.cases;

import java.util.List;

import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.Review;

/**
 * What a case's reports, together, call for: the mitigations their latest decisions
 * propose (emergency blocks excepted: those go through an emergency), and the strictest
 * review any of them asks for.
 *
 * @param mitigations proposed mitigations, without duplicates
 * @param review the review required before they take effect
 * @param explanations the decisions' explanations, without duplicates
 * @param refusals the guardrails that refused a rule's plan, without duplicates
 */
public record CasePlan(List<ProposedMitigation> mitigations, Review review, List<String> explanations,
		List<String> refusals) {

	public CasePlan {
		mitigations = List.copyOf(mitigations);
		explanations = List.copyOf(explanations);
		refusals = List.copyOf(refusals);
	}

	/** Whether the plan waits for approval by someone other than the proposer. */
	public boolean needsApproval() {
		return this.review == Review.TWO_DISTINCT_APPROVERS || this.review == Review.SENIOR;
	}

}
