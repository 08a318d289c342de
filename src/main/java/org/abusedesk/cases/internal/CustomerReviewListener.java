package org.abusedesk.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CustomerReviewRequested;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CustomerReviewListener(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(CustomerReviewRequested requested) {
		boolean requeued = this.jdbc.sql("""
				update abuse_case c set status = 'in_review', updated_at = now()
				where c.id = :id and c.status <> 'in_review'
				  and not exists (select 1 from abuse_case o
				      where o.property_id = c.property_id and o.report_type = c.report_type and o.id <> c.id
				        and o.status not in ('closed', 'rejected'))""").param("id", requested.caseId()).update() == 1;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mitigation_id", requested.mitigationId());
		details.put("reason", requested.reason());
		details.put("requeued", requeued);
		this.audit.append("case:" + requested.caseId(), "customer", "case.review_requested", details);
	}

}
