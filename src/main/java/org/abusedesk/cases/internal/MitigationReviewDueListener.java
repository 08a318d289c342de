package org.abusedesk.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.MitigationReviewDue;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MitigationReviewDueListener(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(MitigationReviewDue due) {
		boolean requeued = this.jdbc.sql("""
				update abuse_case c set status = 'in_review', updated_at = now()
				where c.id = :id and c.status <> 'in_review'
				  and not exists (select 1 from abuse_case o
				      where o.property_id = c.property_id and o.report_type = c.report_type and o.id <> c.id
				        and o.status not in ('closed', 'rejected'))""").param("id", due.caseId()).update() == 1;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mitigation_id", due.mitigationId());
		details.put("review_at", due.reviewAt());
		details.put("requeued", requeued);
		this.audit.append("case:" + due.caseId(), "system", "case.review_due", details);
	}

}
