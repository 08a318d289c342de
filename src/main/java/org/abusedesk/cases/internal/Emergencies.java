package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.access.Role;
import org.abusedesk.intake.Reports;
import org.abusedesk.cases.EmergencyApproved;
import org.abusedesk.cases.ReferralRecords;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Emergencies on cases (DOMAIN.md): a staff member declares one with a justification, the
 * case's reports are decided again with {@code emergency_declared}, and the emergency
 * blocks take effect only when two further, distinct people approve. Every step is in the
 * case's audit stream.
 */
@Service
class Emergencies {

	static final int MAX_TEXT = 5000;

	record Declared(long emergencyId, List<Decision> decisions) {
	}

	record Answered(long emergencyId, String status, int approvals) {
	}

	private final CaseRepository cases;

	private final EmergencyRepository emergencies;

	private final Decisions decisions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Reports reports;

	private final ObjectProvider<ReferralRecords> referrals;

	Emergencies(CaseRepository cases, EmergencyRepository emergencies, Decisions decisions, AuditLog audit,
			ApplicationEventPublisher events, Reports reports, ObjectProvider<ReferralRecords> referrals) {
		this.reports = reports;
		this.referrals = referrals;
		this.cases = cases;
		this.emergencies = emergencies;
		this.decisions = decisions;
		this.audit = audit;
		this.events = events;
	}

	/** Who may declare an emergency, on the console and over the API alike. */
	static final Role[] DECLARERS = { Role.REVIEWER, Role.SENIOR, Role.ADMIN };

	/**
	 * Declares an emergency on an open case. The one place its checks are made, for the
	 * console and the API: the role (403), the justification (422), the case (404) and
	 * that it is open (409).
	 */
	@Transactional
	Declared declare(long caseId, Actor actor, String justification) {
		if (actor == null || !actor.isAny(DECLARERS)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only a reviewer, a senior reviewer or an admin declares an emergency.");
		}
		if (justification == null || justification.isBlank()) {
			throw new InvalidInputException("justification", "required", "Say why this is an emergency.");
		}
		if (justification.length() > MAX_TEXT) {
			throw new InvalidInputException("justification", "too_long", "At most " + MAX_TEXT + " characters.");
		}
		CaseStatus status = this.emergencies.lockCaseStatus(caseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + "."));
		if (!CaseQueue.OPEN.contains(status) && status != CaseStatus.FORWARDED) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Case " + caseId + " is " + status.wire() + "; an emergency is declared only on an open case.");
		}
		String staff = actor.name();
		long emergencyId = this.emergencies.declare(caseId, staff, justification)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"Case " + caseId + " already has an emergency awaiting approval."));
		String stream = "case:" + caseId;
		this.audit.append(stream, "staff:" + staff, "case.emergency_declared",
				Map.of("emergency_id", emergencyId, "justification", justification));
		List<Decision> made = new ArrayList<>();
		for (CaseRepository.CaseReportRow report : this.cases.reports(caseId)) {
			Set<NotificationKind> referrals = new LinkedHashSet<>();
			for (Decision earlier : this.decisions.latestOfReport(report.reportId())) {
				Decision decision = this.decisions.redecide(report.reportId(), earlier.facts().withEmergencyDeclared());
				made.add(decision);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("report_id", report.reportId());
				details.put("decision_id", decision.id());
				details.put("service", decision.facts().service().wire());
				details.put("policy_version", decision.plan().policyVersion());
				details.put("rule", decision.plan().rule());
				details.put("review", decision.plan().review().wire());
				details.put("mitigations", decision.plan().mitigations().stream().map((m) -> m.type().wire()).toList());
				details.put("refusal", decision.plan().refusal());
				this.audit.append(stream, "system", "case.report_redecided", details);
				if (decision.plan().notifications().contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL)) {
					referrals.add(NotificationKind.LAW_ENFORCEMENT_REFERRAL);
				}
			}
			if (!referrals.isEmpty()) {
				// only the referral: the other messages of the plan wait for the
				// approvals
				this.events.publishEvent(
						new ReportDecided(this.reports.find(report.reportId()).orElseThrow(), caseId, referrals));
			}
		}
		this.cases.moveTo(caseId, CaseStatus.AWAITING_APPROVAL);
		return new Declared(emergencyId, made);
	}

	@Transactional
	Answered answer(long caseId, String staff, String decision, String reason) {
		if (!"approve".equals(decision) && !"refuse".equals(decision)) {
			throw new InvalidInputException("decision", "invalid", "Either approve or refuse.");
		}
		if (reason != null && reason.length() > MAX_TEXT) {
			throw new InvalidInputException("reason", "too_long", "At most " + MAX_TEXT + " characters.");
		}
		if ("refuse".equals(decision) && (reason == null || reason.isBlank())) {
			throw new InvalidInputException("reason", "required", "Say why you refuse.");
		}
		requireCase(caseId);
		EmergencyRepository.Emergency emergency = this.emergencies.lockOpen(caseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"Case " + caseId + " has no emergency awaiting approval."));
		if (emergency.declaredBy().equals(staff)) {
			throw new InvalidInputException("approver", "not_distinct",
					"Whoever declared the emergency cannot approve it.");
		}
		if (!this.emergencies.answer(emergency.id(), staff, decision, reason)) {
			throw new InvalidInputException("approver", "not_distinct", "You already answered this emergency.");
		}
		String stream = "case:" + caseId;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("emergency_id", emergency.id());
		details.put("decision", decision);
		details.put("reason", reason);
		this.audit.append(stream, "staff:" + staff, "case.emergency_answered", details);
		if ("refuse".equals(decision)) {
			this.emergencies.close(emergency.id(), "refused");
			this.cases.moveTo(caseId, CaseStatus.IN_REVIEW);
			return new Answered(emergency.id(), "refused", this.emergencies.approvals(emergency.id()));
		}
		int approvals = this.emergencies.approvals(emergency.id());
		if (approvals < 2) {
			return new Answered(emergency.id(), "awaiting_approval", approvals);
		}
		List<ProposedMitigation> blocks = emergencyBlocks(caseId);
		// the guardrail (DSA Art. 18): an emergency block goes into force only with a
		// law-enforcement referral on record, not merely named in the plan
		ReferralRecords records = this.referrals.getIfAvailable();
		if (!blocks.isEmpty() && (records == null || !records.lawEnforcementReferralRecorded(caseId))) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Case " + caseId
					+ " has no law-enforcement referral on record; an emergency block needs one before it takes effect.");
		}
		this.emergencies.close(emergency.id(), "approved");
		this.audit.append(stream, "system", "case.emergency_approved",
				Map.of("emergency_id", emergency.id(), "mitigations", blocks.size()));
		this.cases.moveTo(caseId, blocks.isEmpty() ? CaseStatus.IN_REVIEW : CaseStatus.ACTIONED);
		// last: recording mitigations holds the change-sequence lock until commit
		this.events.publishEvent(new EmergencyApproved(caseId, emergency.id(), blocks,
				this.cases.reports(caseId).stream().map(CaseRepository.CaseReportRow::reportId).toList()));
		return new Answered(emergency.id(), "approved", approvals);
	}

	/**
	 * The emergency blocks the case's latest plans propose (none if a guardrail refused
	 * them).
	 */
	List<ProposedMitigation> emergencyBlocks(long caseId) {
		Set<ProposedMitigation> blocks = new LinkedHashSet<>();
		for (CaseRepository.CaseReportRow report : this.cases.reports(caseId)) {
			for (Decision decision : this.decisions.latestOfReport(report.reportId())) {
				decision.plan()
					.mitigations()
					.stream()
					.filter((m) -> m.type() == MitigationType.EMERGENCY_BLOCK)
					.forEach(blocks::add);
			}
		}
		return List.copyOf(blocks);
	}

	/**
	 * Locks the case row before anything else, so that its audit stream's head is locked
	 * after it, in the order the router and case work take them (case rows, then heads):
	 * the other way round, an emergency and a router batch attaching a report to the same
	 * case could each wait for the other.
	 */
	private void requireCase(long caseId) {
		if (!this.emergencies.lockCase(caseId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId);
		}
	}

}
