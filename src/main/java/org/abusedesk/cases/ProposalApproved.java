package org.abusedesk.cases;

import java.util.List;

import org.abusedesk.policy.ProposedMitigation;

/**
 * A plan for a case was approved as review requires (or accepted, when one reviewer
 * suffices): its mitigations are to be recorded, each taking effect after its
 * {@link ProposedMitigation#effectiveAfter() grace period}. Published inside the
 * approving transaction, so whatever listens synchronously (the mitigations) commits with
 * the approval or not at all.
 *
 * @param caseId the case
 * @param proposalId the approved proposal
 * @param mitigations the mitigations of the plan
 * @param actor who completed the approval, e.g. {@code staff:alice}
 * @param reportIds the case's reports: a {@code url_pattern} mitigation applies to their
 * URLs, never to the whole property
 */
public record ProposalApproved(long caseId, long proposalId, List<ProposedMitigation> mitigations, String actor,
		List<Long> reportIds) {

	public ProposalApproved {
		mitigations = List.copyOf(mitigations);
		reportIds = List.copyOf(reportIds);
	}

}
