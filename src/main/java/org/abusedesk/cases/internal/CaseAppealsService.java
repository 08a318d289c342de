package org.abusedesk.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.cases.CaseStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseAppeals} on the case table. */
@Service
class CaseAppealsService implements CaseAppeals {

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final CaseWorkRepository work;

	private final AuditLog audit;

	CaseAppealsService(JdbcClient jdbc, CaseRepository cases, CaseWorkRepository work, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.work = work;
		this.audit = audit;
	}

	@Override
	public Optional<AppealedCase> find(long caseId) {
		return this.cases.find(caseId)
			.map((row) -> new AppealedCase(row.id(), row.status(), row.accountRef(), row.property(), row.reportType(),
					this.work.reportIds(caseId)));
	}

	@Override
	public Optional<Long> caseOfReport(long reportId) {
		return this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.optional();
	}

	@Override
	@Transactional
	public Optional<CaseStatus> markAppealed(long caseId, long appealId, String actor) {
		Optional<CaseStatus> before = this.work.lock(caseId);
		if (before.isEmpty()) {
			return before;
		}
		boolean appealed = this.cases.reopenAs(caseId, CaseStatus.APPEALED);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("appeal_id", appealId);
		details.put("previous_status", before.get().wire());
		details.put("status", (appealed ? CaseStatus.APPEALED : before.get()).wire());
		this.audit.append("case:" + caseId, actor, "case.appealed", details);
		return before;
	}

	@Override
	@Transactional
	public void appealDecided(long caseId, long appealId, String outcome, CaseStatus status, String actor) {
		CaseStatus before = this.work.lock(caseId).orElseThrow();
		if (before == CaseStatus.APPEALED) {
			this.cases.moveTo(caseId, status);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("appeal_id", appealId);
		details.put("outcome", outcome);
		details.put("status", ((before == CaseStatus.APPEALED) ? status : before).wire());
		this.audit.append("case:" + caseId, actor, "case.appeal_decided", details);
	}

	@Override
	@Transactional
	public boolean requeueForReview(long caseId) {
		return this.cases.requeueForReview(caseId);
	}

}
