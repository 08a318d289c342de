package org.abusedesk.cases.internal;

import java.util.List;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.problems.InvalidInputException;

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

	record CaseDetails(CaseRepository.CaseRow caseInfo, List<CaseReport> reports, List<AuditLog.Entry> history) {
	}

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
		List<CaseRepository.CaseRow> page = this.cases.list(status, limit, after);
		Long next = (page.size() == limit) ? page.get(page.size() - 1).id() : null;
		return new CasePage(page, next);
	}

	@GetMapping("/api/v1/cases/{id}")
	CaseDetails show(@PathVariable long id) {
		CaseRepository.CaseRow row = this.cases.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id));
		List<CaseReport> reports = this.cases.reports(id)
			.stream()
			.map((r) -> new CaseReport(r.reportId(), r.trackingCode(), r.type(), r.status(), r.reporterKind(),
					r.receivedAt(), this.decisions.ofReport(r.reportId())))
			.toList();
		return new CaseDetails(row, reports, this.audit.entries("case:" + id));
	}

}
