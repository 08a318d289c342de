package org.abusedesk.cases.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.vocabulary.WireValue;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Cases for staff. The reporter's identity is not shown here. */
@RestController
class CaseController {

	static final int MAX_PAGE = 500;

	record CasePage(List<CaseRepository.CaseRow> cases, Long nextAfter) {
	}

	record CaseReport(long reportId, String trackingCode, String type, String status, String reporterKind,
			java.time.Instant receivedAt, List<Decision> decisions) {
	}

	/**
	 * A case with a page of its reports and of its history: a case may gather thousands
	 * of reports (a flood against one site), and its page must stay quick.
	 *
	 * @param reports reports in order of id, after {@code reports_after}
	 * @param reportsNextAfter the {@code reports_after} of the next page, or {@code null}
	 * @param history the newest entries of the case's stream before
	 * {@code history_before}, oldest first
	 * @param historyOlderBefore the {@code history_before} of the older entries, or
	 * {@code null}
	 */
	record CaseDetails(CaseRepository.CaseRow caseInfo, List<CaseReport> reports, Long reportsNextAfter,
			List<AuditLog.Entry> history, Long historyOlderBefore) {
	}

	static final int MAX_REPORTS = 500;

	static final int MAX_HISTORY = 1000;

	private final CaseRepository cases;

	private final Decisions decisions;

	private final AuditLog audit;

	CaseController(CaseRepository cases, Decisions decisions, AuditLog audit) {
		this.cases = cases;
		this.decisions = decisions;
		this.audit = audit;
	}

	@GetMapping("/api/v1/cases")
	CasePage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") long after) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and " + MAX_PAGE + ".");
		}
		CaseStatus wanted = (status == null) ? null
				: CaseStatus.fromWire(status)
					.orElseThrow(() -> new InvalidInputException("status", "invalid",
							"One of: " + WireValue.allowed(CaseStatus.class) + "."));
		List<CaseRepository.CaseRow> page = this.cases.list(wanted, limit, after);
		Long next = (page.size() == limit) ? page.get(page.size() - 1).id() : null;
		return new CasePage(page, next);
	}

	@GetMapping("/api/v1/cases/{id}")
	CaseDetails show(@PathVariable long id, @RequestParam(name = "reports_after", defaultValue = "0") long reportsAfter,
			@RequestParam(name = "reports_limit", defaultValue = "100") int reportsLimit,
			@RequestParam(name = "history_before", defaultValue = "" + Long.MAX_VALUE) long historyBefore,
			@RequestParam(name = "history_limit", defaultValue = "200") int historyLimit) {
		if (reportsLimit < 1 || reportsLimit > MAX_REPORTS) {
			throw new InvalidInputException("reports_limit", "out_of_range", "Between 1 and " + MAX_REPORTS + ".");
		}
		if (historyLimit < 1 || historyLimit > MAX_HISTORY) {
			throw new InvalidInputException("history_limit", "out_of_range", "Between 1 and " + MAX_HISTORY + ".");
		}
		CaseRepository.CaseRow row = this.cases.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id));
		List<CaseRepository.CaseReportRow> page = this.cases.reports(id, reportsAfter, reportsLimit);
		Map<Long, List<Decision>> decided = this.decisions
			.ofReports(page.stream().map(CaseRepository.CaseReportRow::reportId).toList());
		List<CaseReport> reports = page.stream()
			.map((r) -> new CaseReport(r.reportId(), r.trackingCode(), r.type(), r.status(), r.reporterKind(),
					r.receivedAt(), decided.get(r.reportId())))
			.toList();
		Long nextAfter = (page.size() == reportsLimit) ? page.get(page.size() - 1).reportId() : null;
		List<AuditLog.Entry> history = this.audit.entries("case:" + id, historyBefore, historyLimit);
		Long olderBefore = (!history.isEmpty() && history.get(0).seq() > 1) ? history.get(0).seq() : null;
		return new CaseDetails(row, reports, nextAfter, history, olderBefore);
	}

}
