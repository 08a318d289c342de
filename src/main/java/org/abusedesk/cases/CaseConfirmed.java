package org.abusedesk.cases;

import java.util.List;

/**
 * A reviewer confirmed a fact on a case ({@code phishing_confirmed},
 * {@code malware_confirmed} or {@code csam_confirmed}). Published inside the confirming
 * transaction, so that whatever listens synchronously (the referrals: a CyberTipline
 * report and a preservation hold for {@code csam_confirmed}) commits with it or not at
 * all.
 *
 * @param caseId the case
 * @param confirmationId the recorded confirmation
 * @param fact the confirmed fact
 * @param reportType the report type the case gathers
 * @param reportIds the case's reports
 * @param actor who confirmed, as the audit log names them
 * @param checked what they checked
 */
public record CaseConfirmed(long caseId, long confirmationId, String fact, String reportType, List<Long> reportIds,
		String actor, String checked) {

	public CaseConfirmed {
		reportIds = List.copyOf(reportIds);
	}

}
