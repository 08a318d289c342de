package org.abusedesk.appeals.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.appeals.CustomerReviewRequested;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a case back in the review queue when its customer contests a mitigation. A case
 * that was closed meanwhile while another case is open for the same property and harm
 * stays closed (one open case per property and harm); the request is still in its
 * history. The contested mitigation stays in force either way (only a pending one that is
 * not a legal, emergency or CSAM block is withdrawn): staff decide whether to keep or
 * lift it.
 */
@Component
class CustomerReviewListener {

	private final CaseAppeals cases;

	private final AuditLog audit;

	CustomerReviewListener(CaseAppeals cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(CustomerReviewRequested requested) {
		boolean requeued = this.cases.requeueForReview(requested.caseId());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mitigation_id", requested.mitigationId());
		details.put("reason", requested.reason().wire());
		details.put("requeued", requeued);
		this.audit.append("case:" + requested.caseId(), "customer", "case.review_requested", details);
	}

}
