package org.abusedesk.transparency.internal;

import java.time.Instant;
import java.util.List;

/**
 * What a statement of reasons is made from: a mitigation, its case and the case's
 * reports, read from their tables. Holds no personal data: no reporter, no customer, no
 * URL.
 *
 * @param mitigationId the mitigation
 * @param caseId its case
 * @param type the mitigation type (wire value)
 * @param entityType {@code url_pattern}, {@code zone} or {@code account}
 * @param territorialScope the mitigation's scope as stored (ISO 3166 codes, empty for
 * everywhere)
 * @param status the mitigation's status now
 * @param effectiveAt when it took effect
 * @param expiresAt when it lapses, or {@code null}
 * @param changedAt its latest change (for a restoration: when it was lifted)
 * @param decisionGround {@code DECISION_GROUND_ILLEGAL_CONTENT} or
 * {@code DECISION_GROUND_INCOMPATIBLE_CONTENT}
 * @param legalGround the law relied on, or {@code null}
 * @param incompatibleGround the term of service relied on, or {@code null}
 * @param reportType the case's report type
 * @param services the services of the case's property
 * @param firstReportAt when the first report of the case arrived, or {@code null}
 * @param reporterKinds the kinds of the case's reporters
 * @param jurisdiction a legal order's jurisdiction, or {@code null}
 * @param orderLegalBasis a legal order's legal basis, or {@code null}
 * @param lifted whether staff lifted it (a restoration)
 */
record StatementFacts(long mitigationId, long caseId, String type, String entityType, List<String> territorialScope,
		String status, Instant effectiveAt, Instant expiresAt, Instant changedAt, String decisionGround,
		String legalGround, String incompatibleGround, String reportType, List<String> services, Instant firstReportAt,
		List<String> reporterKinds, String jurisdiction, String orderLegalBasis, boolean lifted) {

	/** Whether the mitigation was in effect at some time (not withdrawn before). */
	boolean tookEffect() {
		if ("active".equals(this.status)) {
			return true;
		}
		return "removed".equals(this.status) && !this.effectiveAt.isAfter(this.changedAt)
				&& (this.expiresAt == null || this.effectiveAt.isBefore(this.expiresAt));
	}

}
