package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Files appeals: a customer's against mitigations on their account (one, or many with one
 * reason, as Cloudflare's appeal API takes them), a reporter's against the denial of
 * their report. An appeal puts its case in {@code appealed} (open and in the queue) and
 * changes nothing else: a mitigation stays in force until staff decide (DOMAIN.md,
 * Redress). Every appeal is in the case's audit stream ({@code appeal.filed}).
 */
@Service
class AppealFiling {

	static final int MAX_BATCH = 100;

	private final AppealStore appeals;

	private final AppealWindow window;

	private final Mitigations mitigations;

	private final Reports reports;

	private final CaseAppeals cases;

	private final AuditLog audit;

	AppealFiling(AppealStore appeals, AppealWindow window, Mitigations mitigations, Reports reports, CaseAppeals cases,
			AuditLog audit) {
		this.appeals = appeals;
		this.window = window;
		this.mitigations = mitigations;
		this.reports = reports;
		this.cases = cases;
		this.audit = audit;
	}

	/**
	 * A customer appeals one mitigation of their account.
	 * @throws ResponseStatusException 404 when the account has no such mitigation, 409
	 * when an appeal of it is open
	 * @throws InvalidInputException for a bad form or a decision older than the window
	 */
	@Transactional
	Appeal customerAppeal(String accountRef, long mitigationId, AppealForm form) {
		AppealForm.Checked checked = form.checked(AppealForm.CUSTOMER_REASONS, List.of());
		Mitigation mitigation = this.mitigations.find(mitigationId)
			.filter((m) -> accountRef.equals(m.accountRef()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + mitigationId));
		withinWindow(mitigation.createdAt(), "mitigation_id");
		return fileCustomer(accountRef, mitigation, checked)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"An appeal of mitigation " + mitigationId + " is open already; you hear its outcome."));
	}

	/**
	 * A customer appeals many mitigations with one reason and statement, all or none.
	 * @throws InvalidInputException naming {@code mitigation_ids[i]} for each id that is
	 * not the account's ({@code not_found}), past the window ({@code window_closed}) or
	 * appealed already ({@code already_appealed}), with the form's own problems
	 */
	@Transactional
	List<Appeal> customerAppeals(String accountRef, List<Long> given, AppealForm form) {
		List<Long> mitigationIds = (given != null) ? given : List.of();
		List<FieldError> errors = new ArrayList<>();
		if (mitigationIds.isEmpty()) {
			errors.add(new FieldError("mitigation_ids", "required", "Name at least one mitigation."));
		}
		else if (mitigationIds.size() > MAX_BATCH) {
			errors.add(new FieldError("mitigation_ids", "too_many", "At most " + MAX_BATCH + " at once."));
		}
		else if (mitigationIds.contains(null)) {
			errors.add(new FieldError("mitigation_ids", "invalid", "Mitigation ids are numbers."));
		}
		else if (mitigationIds.stream().distinct().count() != mitigationIds.size()) {
			errors.add(new FieldError("mitigation_ids", "duplicate", "Name each mitigation once."));
		}
		AppealForm.Checked checked = form.checked(AppealForm.CUSTOMER_REASONS, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<Mitigation> found = new ArrayList<>();
		for (int i = 0; i < mitigationIds.size(); i++) {
			String field = "mitigation_ids[" + i + "]";
			Optional<Mitigation> mitigation = this.mitigations.find(mitigationIds.get(i))
				.filter((m) -> accountRef.equals(m.accountRef()));
			if (mitigation.isEmpty()) {
				errors.add(new FieldError(field, "not_found", "No mitigation " + mitigationIds.get(i) + "."));
			}
			else if (!Instant.now().isBefore(this.window.closes(mitigation.get().createdAt()))) {
				errors.add(windowClosed(field, mitigation.get().createdAt()));
			}
			else {
				found.add(mitigation.get());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// cases in the order of their ids, so that two batches never wait for each other
		// in a cycle
		found.sort(Comparator.comparingLong(Mitigation::caseId).thenComparingLong(Mitigation::id));
		List<Appeal> filed = new ArrayList<>();
		for (Mitigation mitigation : found) {
			Optional<Appeal> appeal = fileCustomer(accountRef, mitigation, checked);
			if (appeal.isEmpty()) {
				errors.add(new FieldError("mitigation_ids[" + mitigationIds.indexOf(mitigation.id()) + "]",
						"already_appealed", "An appeal of mitigation " + mitigation.id() + " is open already."));
			}
			appeal.ifPresent(filed::add);
		}
		if (!errors.isEmpty()) {
			// rolls back the others: all or none
			throw new InvalidInputException(errors);
		}
		filed.sort(Comparator.comparingLong((Appeal a) -> mitigationIds.indexOf(a.mitigationId())));
		return filed;
	}

	private Optional<Appeal> fileCustomer(String accountRef, Mitigation mitigation, AppealForm.Checked form) {
		Instant now = Instant.now();
		Appeal draft = new Appeal(0, "customer", "mitigation:" + mitigation.id(), mitigation.caseId(), mitigation.id(),
				null, accountRef, mitigation.createdAt(), form.reason(), form.statement(), form.evidence(), "open", now,
				this.window.due(now), null, null, null, null);
		Optional<Long> id = this.appeals.insert(draft);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		this.cases.markAppealed(mitigation.caseId(), id.get(), "customer");
		Map<String, Object> details = details(id.get(), draft);
		details.put("mitigation_id", mitigation.id());
		details.put("account_ref", accountRef);
		AuditLog.Entry entry = this.audit.append("case:" + mitigation.caseId(), "customer", "appeal.filed", details);
		this.appeals.caseSeq(id.get(), entry.seq());
		return this.appeals.find(id.get());
	}

	/**
	 * A reporter appeals the denial of their report, proving who they are with the
	 * report's status secret. The case the report was on goes back to the queue as
	 * {@code appealed}.
	 * @throws ResponseStatusException 404 for an unknown code or a wrong secret alike,
	 * 409 when the report is not denied or an appeal of it is open
	 * @throws InvalidInputException for a bad form or a denial older than the window
	 */
	@Transactional
	Appeal reporterAppeal(String trackingCode, String secret, AppealForm form) {
		AppealForm.Checked checked = form.checked(AppealForm.REPORTER_REASONS, List.of());
		Report report = this.reports.withStatusSecret(trackingCode, secret)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No report with that tracking code and secret."));
		return fileReporter(report, checked);
	}

	/**
	 * A reporter appeals the denial of their report, who they are being checked by the
	 * caller (the status secret, or the address a reply came from). Joins the caller's
	 * transaction; what it refuses it refuses before it writes anything.
	 * @throws ResponseStatusException 409 when the report is not denied or an appeal of
	 * it is open
	 * @throws InvalidInputException for a denial older than the window
	 */
	Appeal fileReporter(Report report, AppealForm.Checked checked) {
		String trackingCode = report.trackingCode();
		if (report.status() != ReportStatus.DENIED) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Report " + trackingCode + " is "
					+ report.status().wire() + "; only a denied report can be appealed.");
		}
		// when it was denied, as the report's history has it
		Instant deniedAt = this.audit.entries(report.stream())
			.stream()
			.filter((entry) -> entry.action().equals("report.denied"))
			.map(AuditLog.Entry::occurredAt)
			.reduce((first, last) -> last)
			.orElse(report.receivedAt());
		withinWindow(deniedAt, "tracking_code");
		Optional<Long> caseId = this.cases.caseOfReport(report.id());
		Instant now = Instant.now();
		Appeal draft = new Appeal(0, "reporter", "report:" + report.id(), caseId.orElse(null), null, report.id(),
				report.resolution().account() != null ? report.resolution().account().ref() : null, deniedAt,
				checked.reason(), checked.statement(), checked.evidence(), "open", now, this.window.due(now), null,
				null, null, null);
		long id = this.appeals.insert(draft)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"An appeal of report " + trackingCode + " is open already; you hear its outcome."));
		Map<String, Object> details = details(id, draft);
		details.put("report_id", report.id());
		if (caseId.isPresent()) {
			this.cases.markAppealed(caseId.get(), id, "reporter");
			details.put("denial_reason", report.denialReason());
			AuditLog.Entry entry = this.audit.append("case:" + caseId.get(), "reporter", "appeal.filed", details);
			this.appeals.caseSeq(id, entry.seq());
		}
		this.audit.append(report.stream(), "reporter", "appeal.filed", details);
		return this.appeals.find(id).orElseThrow();
	}

	private void withinWindow(Instant decidedAt, String field) {
		if (!Instant.now().isBefore(this.window.closes(decidedAt))) {
			throw new InvalidInputException(List.of(windowClosed(field, decidedAt)));
		}
	}

	private FieldError windowClosed(String field, Instant decidedAt) {
		return new FieldError(field, "window_closed",
				"The decision of " + decidedAt + " could be appealed until " + this.window.closes(decidedAt) + ".");
	}

	private static Map<String, Object> details(long id, Appeal draft) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("appeal_id", id);
		details.put("party", draft.party());
		details.put("decision", draft.decisionRef());
		details.put("reason", draft.reason().wire());
		details.put("due_at", draft.dueAt());
		return details;
	}

}
