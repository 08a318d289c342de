package org.abusedesk.cases;

import java.util.List;

/**
 * A reviewer denied a case: its reports are not acted on, and their reporters are owed a
 * decision notice naming the reason. Published inside the denying transaction; the outbox
 * (actions) is meant to listen and send the notices.
 *
 * @param caseId the case
 * @param reportIds the reports of the case
 * @param reason the {@code DenialReason} wire value
 * @param actor who denied, e.g. {@code staff:alice}
 */
public record CaseDenied(long caseId, List<Long> reportIds, String reason, String actor) {

	public CaseDenied {
		reportIds = List.copyOf(reportIds);
	}

}
