package org.abusedesk.cases;

import java.util.Set;

import org.abusedesk.intake.Report;

import org.abusedesk.policy.NotificationKind;

/**
 * A report was decided and attached to a case. Published inside the deciding transaction,
 * so that whatever listens synchronously (the outbox) commits with the decision.
 *
 * @param report the report as stored when it was decided, so that listeners need not read
 * it again
 * @param caseId the case it is attached to
 * @param notifications the messages the decisions call for, over all services
 */
public record ReportDecided(Report report, long caseId, Set<NotificationKind> notifications) {

	public long reportId() {
		return this.report.id();
	}

}
