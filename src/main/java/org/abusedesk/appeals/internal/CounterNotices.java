package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.cases.CaseAppeals.AppealedCase;
import org.abusedesk.catalog.Account;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * DMCA counter-notices (17 U.S.C. 512(g)). The customer whose content was disabled after
 * a {@code dmca} notice files one; it is forwarded to the complainant and the content is
 * restored {@code abusedesk.counter-notices.restore-after-business-days} (10, at most 14)
 * business days later ({@link BusinessCalendar}, {@link Restorations}) unless the
 * complainant tells us, with the case reference, that they filed a court action.
 */
@Service
class CounterNotices {

	private final CounterNoticeStore store;

	private final BusinessCalendar calendar;

	private final int restoreAfter;

	private final Mitigations mitigations;

	private final CaseAppeals cases;

	private final Reports reports;

	private final CounterNoticeLetters letters;

	private final Outbound messages;

	private final AuditLog audit;

	CounterNotices(CounterNoticeStore store, BusinessCalendar calendar, AppealProperties properties,
			Mitigations mitigations, CaseAppeals cases, Reports reports, CounterNoticeLetters letters,
			Outbound messages, AuditLog audit) {
		int restoreAfter = properties.counterNotices().restoreAfterBusinessDays();
		if (restoreAfter < 10 || restoreAfter > 14) {
			throw new IllegalArgumentException(
					"abusedesk.counter-notices.restore-after-business-days must be 10 to 14 (17 U.S.C. 512(g)(2)(C))");
		}
		this.store = store;
		this.calendar = calendar;
		this.restoreAfter = restoreAfter;
		this.mitigations = mitigations;
		this.cases = cases;
		this.reports = reports;
		this.letters = letters;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * @throws ResponseStatusException 404 when the account has no such mitigation, 409
	 * when it is not content disabled after a DMCA notice, not in force, or has a
	 * counter-notice already
	 * @throws InvalidInputException naming each missing 512(g)(3) element
	 */
	@Transactional
	CounterNotice file(String accountRef, long mitigationId, CounterNoticeForm form) {
		CounterNoticeForm checked = form.checked();
		Mitigation mitigation = this.mitigations.find(mitigationId)
			.filter((m) -> accountRef.equals(m.accountRef()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + mitigationId));
		AppealedCase theCase = this.cases.find(mitigation.caseId()).orElseThrow();
		if (!"dmca".equals(theCase.reportType()) || !"content_disable".equals(mitigation.type())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"A counter-notice answers content disabled after a DMCA notice; appeal this mitigation instead.");
		}
		if (mitigation.status() != MitigationStatus.ACTIVE) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"This mitigation is " + mitigation.status().wire() + "; the content is not disabled.");
		}
		Instant filedAt = Instant.now();
		Instant restoreAt = this.calendar.plusBusinessDays(filedAt, this.restoreAfter);
		long id = this.store.insert(theCase.id(), mitigationId, accountRef, checked, filedAt, restoreAt)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"Mitigation " + mitigationId + " has a counter-notice already."));
		CounterNotice notice = this.store.find(id).orElseThrow();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("counter_notice_id", id);
		details.put("mitigation_id", mitigationId);
		details.put("account_ref", accountRef);
		details.put("restore_at", restoreAt);
		this.audit.append("case:" + theCase.id(), "customer", "counter_notice.filed", details);
		List<Report> complaints = this.reports.findAll(theCase.reportIds());
		complaints.forEach((report) -> this.letters.toComplainant(notice, report).ifPresent(this.messages::queue));
		contact(complaints).ifPresent((email) -> this.messages.queue(this.letters.toCustomer(notice, email)));
		return notice;
	}

	/**
	 * The complainant tells us of a court action: the waiting counter-notices of the
	 * report's case are not restored.
	 * @param caseReference the case reference of our messages (the case id)
	 * @param action the court and docket of the action
	 * @throws ResponseStatusException 404 for an unknown code or a wrong secret alike,
	 * 409 when nothing waits for restoration on the case
	 * @throws InvalidInputException when the case reference is not the report's case or
	 * the action is not named
	 */
	@Transactional
	List<CounterNotice> actionFiled(String trackingCode, String secret, String caseReference, String action) {
		Report report = this.reports.withStatusSecret(trackingCode, secret)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No report with that tracking code and secret."));
		Optional<Long> caseId = this.cases.caseOfReport(report.id());
		List<FieldError> errors = new ArrayList<>();
		String reference = (caseReference != null) ? caseReference.strip().replaceFirst("^(?i)case\\s*", "") : "";
		if (reference.isEmpty()) {
			errors.add(new FieldError("case_reference", "required", "The case reference of our message."));
		}
		else if (caseId.isEmpty() || !reference.equals(String.valueOf(caseId.get()))) {
			errors.add(new FieldError("case_reference", "mismatch", "Not the case of report " + trackingCode + "."));
		}
		String filed = (action != null) ? action.strip() : "";
		if (filed.isEmpty() || filed.length() > CounterNoticeForm.MAX_TEXT) {
			errors.add(new FieldError("action", filed.isEmpty() ? "required" : "too_long",
					"The court and the docket number of the action."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<CounterNotice> waiting = this.store.lockWaiting(caseId.get());
		if (waiting.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"No counter-notice waits for restoration on case " + caseId.get() + ".");
		}
		List<Report> complaints = this.reports.findAll(this.cases.find(caseId.get()).orElseThrow().reportIds());
		Optional<String> customer = contact(complaints);
		for (CounterNotice notice : waiting) {
			this.store.actionFiled(notice.id(), filed);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("counter_notice_id", notice.id());
			details.put("report_id", report.id());
			details.put("action", filed);
			this.audit.append("case:" + notice.caseId(), "reporter", "counter_notice.action_filed", details);
			customer
				.ifPresent((email) -> this.messages.queue(this.letters.actionFiledToCustomer(notice, email, filed)));
		}
		return waiting.stream().map((notice) -> this.store.find(notice.id()).orElseThrow()).toList();
	}

	/** The customer's abuse contact, as the case's reports resolved it. */
	static Optional<String> contact(List<Report> reports) {
		return reports.stream()
			.map((report) -> report.resolution().account())
			.filter((account) -> account != null && account.abuseContact() != null)
			.map(Account::abuseContact)
			.findFirst();
	}

}
