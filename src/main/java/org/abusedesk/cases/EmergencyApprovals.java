package org.abusedesk.cases;

import java.time.Instant;
import java.util.List;

import org.abusedesk.policy.ProposedMitigation;

/**
 * The emergencies awaiting their approvers, for the console: each needs two people other
 * than the one who declared it, and its blocks are time-boxed (an expiry and a review
 * date from the policy). Answering takes the same checks as {@code POST
 * /api/v1/cases/{id}/approvals}.
 */
public interface EmergencyApprovals {

	/** The emergencies awaiting approval, the oldest declaration first. */
	List<Awaiting> awaiting();

	/**
	 * Approves or refuses the case's emergency awaiting approval.
	 * @param approve true to approve, false to refuse (a refusal needs a reason)
	 * @return the emergency's status after the answer: {@code awaiting_approval},
	 * {@code approved} or {@code refused}
	 * @throws CaseWorkException INVALID for a missing reason, the declarer or a second
	 * answer by the same person; CONFLICT when there is nothing to answer or a guardrail
	 * holds it; NOT_FOUND for no such case; FORBIDDEN for a role that may not approve
	 */
	String answer(long caseId, Actor actor, boolean approve, String reason);

	/**
	 * An emergency awaiting approval.
	 *
	 * @param approvedBy who approved it so far
	 * @param blocks the emergency blocks the case's plans propose, with their time box
	 * (expiry and review after taking effect)
	 */
	record Awaiting(long emergencyId, long caseId, String property, String accountRef, String reportType,
			String declaredBy, String justification, Instant declaredAt, List<String> approvedBy,
			List<ProposedMitigation> blocks) {

		/** How many more approvals it needs. */
		public int approvalsNeeded() {
			return Math.max(0, 2 - this.approvedBy.size());
		}

	}

}
