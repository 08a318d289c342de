package org.abusedesk.appeals.internal;

import java.time.Instant;

import org.abusedesk.appeals.AppealReason;

/**
 * An appeal as its appellant sees it: without who decided (a staff member's name) and
 * without the other party.
 */
record AppealView(long id, String party, Long caseId, Long mitigationId, AppealReason reason, String statement,
		String evidence, String status, Instant filedAt, Instant dueAt, Instant decidedAt, String outcome,
		String outcomeReason) {

	static AppealView of(Appeal appeal) {
		return new AppealView(appeal.id(), appeal.party(), appeal.caseId(), appeal.mitigationId(), appeal.reason(),
				appeal.statement(), appeal.evidence(), appeal.status(), appeal.filedAt(), appeal.dueAt(),
				appeal.decidedAt(), appeal.outcome(), appeal.outcomeReason());
	}

}
