package org.abusedesk.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork.Claim;
import org.abusedesk.access.Role;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;

import org.springframework.stereotype.Component;

/**
 * Builds the case page, withholding the reporter's identity from roles not allowed it.
 */
@Component
class CaseViews {

	/** Who sees who reported (docs/console.md). */
	static final Role[] SEE_REPORTER = { Role.SENIOR, Role.LEGAL, Role.ADMIN };

	/** Reports per case page: a case may gather thousands. */
	static final int REPORTS_PER_PAGE = 50;

	/** History entries per case page, the newest. */
	static final int HISTORY_PER_PAGE = 200;

	private final CaseWorkRepository cases;

	private final ClaimRepository claims;

	private final ProposalRepository proposals;

	private final CasePlans plans;

	private final Reports reports;

	private final Decisions decisions;

	private final AuditLog audit;

	CaseViews(CaseWorkRepository cases, ClaimRepository claims, ProposalRepository proposals, CasePlans plans,
			Reports reports, Decisions decisions, AuditLog audit) {
		this.cases = cases;
		this.claims = claims;
		this.proposals = proposals;
		this.plans = plans;
		this.reports = reports;
		this.decisions = decisions;
		this.audit = audit;
	}

	Optional<CaseView> view(long caseId, Actor viewer, long reportsAfter, long historyBefore) {
		Optional<CaseQueue.Row> row = this.cases.row(caseId);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		boolean seesReporter = viewer.isAny(SEE_REPORTER);
		List<Long> page = this.cases.reportIds(caseId, reportsAfter, REPORTS_PER_PAGE);
		Map<Long, List<Decision>> decided = this.decisions.ofReports(page);
		Map<Long, List<CaseView.Evidence>> evidence = this.cases.evidence(page);
		List<CaseView.ReportView> reportViews = new ArrayList<>();
		for (Report report : this.reports.findAll(page)) {
			reportViews.add(reportView(report, seesReporter, decided.get(report.id()),
					evidence.getOrDefault(report.id(), List.of())));
		}
		Long nextAfter = (page.size() == REPORTS_PER_PAGE) ? page.get(page.size() - 1) : null;
		List<AuditLog.Entry> history = this.audit.entries("case:" + caseId, historyBefore, HISTORY_PER_PAGE);
		Long olderBefore = (!history.isEmpty() && history.get(0).seq() > 1) ? history.get(0).seq() : null;
		Instant claimExpires = this.claims.holder(caseId, viewer.name()).map(Claim::expiresAt).orElse(null);
		return Optional.of(new CaseView(row.get(), reportViews, nextAfter, this.plans.of(caseId),
				this.proposals.latest(caseId).orElse(null), history, olderBefore, this.cases.notes(caseId),
				this.cases.links(caseId), claimExpires));
	}

	private static CaseView.ReportView reportView(Report report, boolean seesReporter, List<Decision> decisions,
			List<CaseView.Evidence> evidence) {
		var reporter = report.reporter();
		var resolution = report.resolution();
		return new CaseView.ReportView(report.id(), report.trackingCode(), report.type().wire(), report.status().wire(),
				reporter.kind().wire(), !seesReporter, seesReporter ? reporter.name() : null,
				seesReporter ? reporter.email() : null, seesReporter ? reporter.organisation() : null, report.urls(),
				report.addresses(), report.justification(), report.comments(),
				(resolution != null) ? resolution.property() : null,
				(resolution != null && resolution.account() != null) ? resolution.account().ref() : null,
				(resolution != null) ? resolution.services().stream().map((s) -> s.wire()).toList() : List.of(),
				report.receivedAt(), decisions, evidence);
	}

}
