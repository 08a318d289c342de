package org.abusedesk.appeals.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Who took part in the decision under appeal, read from the audit log rather than taken
 * from the caller: every staff member who acted on the case before the appeal was filed
 * (claimed, proposed, approved, denied, confirmed, lifted, ...) and, for a reporter's
 * appeal, on the report. None of them decides the appeal (DSA Art. 20(6)).
 */
@Component
class Participants {

	private final AuditLog audit;

	Participants(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * What the staff member did in the decision, e.g. {@code case.plan_approved on case
	 * 12}, or empty when they took no part.
	 * @param caseSeq the case stream's entries up to this seq came before the appeal
	 */
	Optional<String> partOf(Appeal appeal, long caseSeq, String staffName) {
		String actor = "staff:" + staffName;
		Map<String, String> acts = new LinkedHashMap<>();
		if (appeal.caseId() != null) {
			this.audit.entries("case:" + appeal.caseId())
				.stream()
				.filter((entry) -> entry.seq() <= caseSeq && entry.actor().equals(actor))
				.forEach((entry) -> acts.putIfAbsent(entry.action(), entry.action() + " on case " + appeal.caseId()));
		}
		if (appeal.reportId() != null) {
			this.audit.entries("report:" + appeal.reportId())
				.stream()
				.filter((entry) -> entry.actor().equals(actor))
				.forEach((entry) -> acts.putIfAbsent(entry.action(),
						entry.action() + " on report " + appeal.reportId()));
		}
		return acts.values().stream().findFirst();
	}

}
