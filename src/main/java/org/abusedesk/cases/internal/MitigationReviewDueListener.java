package org.abusedesk.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.MitigationReviewDue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a case back in the review queue when one of its mitigations is due for review, as
 * a customer's review request does ({@link CustomerReviewListener}): a case closed
 * meanwhile while another case is open for the same property and harm stays closed (one
 * open case per property and harm); the review date is in its history either way.
 */
@Component
class MitigationReviewDueListener {

	private final CaseRepository cases;

	private final AuditLog audit;

	MitigationReviewDueListener(CaseRepository cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(MitigationReviewDue due) {
		boolean requeued = this.cases.requeueForReview(due.caseId());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mitigation_id", due.mitigationId());
		details.put("review_at", due.reviewAt());
		details.put("requeued", requeued);
		this.audit.append("case:" + due.caseId(), "system", "case.review_due", details);
	}

}
