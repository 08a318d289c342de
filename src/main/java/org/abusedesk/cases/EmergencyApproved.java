package org.abusedesk.cases;

import java.util.List;

import org.abusedesk.policy.ProposedMitigation;

/**
 * The second distinct approver approved an emergency on a case: its emergency blocks take
 * effect. Published inside the approving transaction, so whatever listens synchronously
 * (the mitigations) commits with the approval or not at all.
 *
 * @param caseId the case
 * @param emergencyId the declared emergency
 * @param mitigations the emergency blocks the case's plans proposed, without duplicates
 * @param reportIds the case's reports: a {@code url_pattern} block applies to their URLs,
 * never to the whole property
 */
public record EmergencyApproved(long caseId, long emergencyId, List<ProposedMitigation> mitigations,
		List<Long> reportIds) {

	public EmergencyApproved {
		mitigations = List.copyOf(mitigations);
		reportIds = List.copyOf(reportIds);
	}

}
