package org.abusedesk.cases;

import java.util.Set;

import org.abusedesk.policy.NotificationKind;

/**
 * A report was decided and attached to a case. Published inside the deciding transaction,
 * so that whatever listens synchronously (the outbox) commits with the decision.
 *
 * @param reportId the report
 * @param caseId the case it is attached to
 * @param notifications the messages the decisions call for, over all services
 */
public record ReportDecided(long reportId, long caseId, Set<NotificationKind> notifications) {

}
