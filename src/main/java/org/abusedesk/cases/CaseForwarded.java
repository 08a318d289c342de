package org.abusedesk.cases;

import java.util.List;

/**
 * Staff forwarded a case: its reports go to the hosting provider (where known) and the
 * owner, as each reporter chose. Published inside the deciding transaction, so the
 * messages commit with the decision.
 *
 * @param caseId the case
 * @param reportIds its reports
 * @param actor who forwarded it, as written in the audit log
 */
public record CaseForwarded(long caseId, List<Long> reportIds, String actor) {

	public CaseForwarded {
		reportIds = List.copyOf(reportIds);
	}

}
