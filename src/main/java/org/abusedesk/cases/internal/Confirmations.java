package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.content.ReportContent;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseConfirmed;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.access.Role;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Confirmations (issue 19): a reviewer confirms phishing or malware on a case, saying
 * what they checked. The confirmation is recorded on the case and audited, and the case's
 * reports are decided again with the confirmed fact, so that the plan the policy names
 * for it (an interstitial for proxied phishing, a block for malware) is proposed on the
 * case for the usual review; the confirmation is the basis the guardrails ask for.
 * Reports routed to the case later are decided with it too ({@link ReportRouter}).
 */
@Service
class Confirmations {

	static final int MAX_CHECKED = 2000;

	static final String PHISHING = "phishing_confirmed";

	static final String MALWARE = "malware_confirmed";

	/**
	 * Child sexual abuse material confirmed on a {@code children} case (issue 15): the
	 * basis of the CyberTipline report and of the preservation hold.
	 */
	static final String CSAM = "csam_confirmed";

	private static final String FACTS = "One of phishing_confirmed, malware_confirmed or csam_confirmed.";

	/** Who may confirm: reviewers, seniors and admins; not agents. */
	static final Role[] CONFIRMERS = { Role.REVIEWER, Role.SENIOR, Role.ADMIN };

	record Confirmed(long confirmationId, long caseId, String fact, List<Decision> decisions) {
	}

	private final EmergencyRepository caseRows;

	private final CaseRepository cases;

	private final ConfirmationRepository confirmations;

	private final Decisions decisions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ReportContent content;

	Confirmations(EmergencyRepository caseRows, CaseRepository cases, ConfirmationRepository confirmations,
			Decisions decisions, AuditLog audit, ApplicationEventPublisher events, ReportContent content) {
		this.content = content;
		this.events = events;
		this.caseRows = caseRows;
		this.cases = cases;
		this.confirmations = confirmations;
		this.decisions = decisions;
		this.audit = audit;
	}

	/**
	 * Confirms {@code fact} on an open case: the role (403), the input (422, every field
	 * at once), the case (404) and that it is not closed or rejected (409).
	 */
	@Transactional
	Confirmed confirm(long caseId, Actor actor, String fact, String checked) {
		if (actor == null || !actor.isAny(CONFIRMERS)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only a reviewer, a senior reviewer or an admin confirms phishing or malware.");
		}
		List<FieldError> errors = new ArrayList<>();
		if (fact == null || fact.isBlank()) {
			errors.add(new FieldError("fact", "required", FACTS));
		}
		else if (!PHISHING.equals(fact) && !MALWARE.equals(fact) && !CSAM.equals(fact)) {
			errors.add(new FieldError("fact", "invalid", FACTS));
		}
		if (checked == null || checked.isBlank()) {
			errors.add(new FieldError("checked", "required", "Say what you checked."));
		}
		else if (checked.length() > MAX_CHECKED) {
			errors.add(new FieldError("checked", "too_long", "At most " + MAX_CHECKED + " characters."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// the case row first, then the audit head: the order the router takes them in
		CaseStatus status = this.caseRows.lockCaseStatus(caseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + "."));
		if (status == CaseStatus.CLOSED || status == CaseStatus.REJECTED) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Case " + caseId + " is " + status.wire() + "; confirm on an open case.");
		}
		List<CaseRepository.CaseReportRow> reports = this.cases.reports(caseId);
		String reportType = reports.isEmpty() ? null : reports.get(0).type();
		// material on a CSAM list may come with any report type (the reporter need not
		// know)
		if (CSAM.equals(fact) && !"children".equals(reportType)
				&& this.content.csamMatches(reports.stream().map(CaseRepository.CaseReportRow::reportId).toList())
					.isEmpty()) {
			throw new InvalidInputException("fact", "invalid",
					"csam_confirmed is confirmed on a children case, or one whose evidence is on a CSAM list, only.");
		}
		String text = checked.strip();
		long confirmationId = this.confirmations.record(caseId, fact, text, actor.name());
		String stream = "case:" + caseId;
		Map<String, Object> confirmed = new LinkedHashMap<>();
		confirmed.put("confirmation_id", confirmationId);
		confirmed.put("fact", fact);
		confirmed.put("checked", text);
		this.audit.append(stream, actor.audit(), "case.confirmed", confirmed);
		boolean phishing = PHISHING.equals(fact);
		boolean malware = MALWARE.equals(fact);
		List<Decision> made = new ArrayList<>();
		// a CSAM confirmation changes no plan (children cases act at once); it is the
		// basis of the referral and the hold
		for (CaseRepository.CaseReportRow report : CSAM.equals(fact) ? List.<CaseRepository.CaseReportRow>of()
				: reports) {
			for (Decision earlier : this.decisions.latestOfReport(report.reportId())) {
				Decision decision = this.decisions.redecide(report.reportId(),
						earlier.facts().withConfirmed(phishing, malware));
				made.add(decision);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("report_id", report.reportId());
				details.put("decision_id", decision.id());
				details.put("confirmation_id", confirmationId);
				details.put("service", decision.facts().service().wire());
				details.put("policy_version", decision.plan().policyVersion());
				details.put("rule", decision.plan().rule());
				details.put("review", decision.plan().review().wire());
				details.put("mitigations", decision.plan().mitigations().stream().map((m) -> m.type().wire()).toList());
				details.put("refusal", decision.plan().refusal());
				this.audit.append(stream, "system", "case.report_redecided", details);
			}
		}
		this.events.publishEvent(new CaseConfirmed(caseId, confirmationId, fact, reportType,
				reports.stream().map(CaseRepository.CaseReportRow::reportId).toList(), actor.audit(), text));
		return new Confirmed(confirmationId, caseId, fact, made);
	}

}
