package org.abusedesk.appeals.internal;

import java.time.Instant;

import org.abusedesk.appeals.AppealReason;

/**
 * An appeal as stored and as the API shows it.
 *
 * @param party {@code customer} or {@code reporter}
 * @param decisionRef the decision appealed: {@code mitigation:<id>} or
 * {@code report:<id>}
 * @param decisionAt when that decision was taken (the appeal window counts from it)
 * @param status {@code open} or {@code decided}
 * @param outcome {@code upheld}, {@code reversed} or {@code modified}; {@code null} while
 * open
 */
record Appeal(long id, String party, String decisionRef, Long caseId, Long mitigationId, Long reportId,
		String accountRef, Instant decisionAt, AppealReason reason, String statement, String evidence, String status,
		Instant filedAt, Instant dueAt, Instant decidedAt, String decidedBy, String outcome, String outcomeReason) {

}
