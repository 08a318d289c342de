package org.abusedesk.appeals.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseAppeals;
import org.abusedesk.cases.CaseAppeals.AppealedCase;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.access.Role;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff decide an appeal: {@code upheld}, {@code reversed} or {@code modified}, with a
 * reason, by a person who took no part in the decision ({@link Participants}, from the
 * audit log). A customer's appeal reversed lifts the mitigation through its lifecycle
 * (the edge drops it); upheld or modified, it is a confirmed violation and the account
 * gets a strike. A reporter's appeal reversed or modified leaves the case in review for
 * staff to act; upheld, the case is rejected again. The customer and the reporters hear
 * the outcome with the next step of redress, and it is audited ({@code appeal.decided}).
 */
@Service
class AppealDecisions {

	static final List<String> OUTCOMES = List.of("upheld", "reversed", "modified");

	private final AppealStore appeals;

	private final Participants participants;

	private final CaseAppeals cases;

	private final Mitigations mitigations;

	private final Reports reports;

	private final Strikes strikes;

	private final AppealNotices notices;

	private final Outbound messages;

	private final AuditLog audit;

	AppealDecisions(AppealStore appeals, Participants participants, CaseAppeals cases, Mitigations mitigations,
			Reports reports, Strikes strikes, AppealNotices notices, Outbound messages, AuditLog audit) {
		this.appeals = appeals;
		this.participants = participants;
		this.cases = cases;
		this.mitigations = mitigations;
		this.reports = reports;
		this.strikes = strikes;
		this.notices = notices;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * @param staff the staff user's name
	 * @param role the staff user's role; an agent decides nothing, and only a senior,
	 * legal or admin reverses a legal block, an emergency block or a CSAM removal
	 * @return the appeal decided, or empty when there is none with this id
	 * @throws InvalidInputException for a missing or unknown outcome or reason
	 * @throws ResponseStatusException 403 for whoever took part in the decision under
	 * appeal (or may not lift the mitigation), 409 when the appeal is decided already
	 */
	@Transactional
	Optional<Appeal> decide(long appealId, String staff, Role role, String outcome, String reason) {
		if (role == null || role == Role.AGENT || role == Role.EDGE) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role does not allow this.");
		}
		String why = checked(outcome, reason);
		Optional<Appeal> found = this.appeals.lock(appealId);
		if (found.isEmpty()) {
			return found;
		}
		Appeal appeal = found.get();
		if (!"open".equals(appeal.status())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Appeal " + appealId + " was decided " + appeal.outcome() + " on " + appeal.decidedAt() + ".");
		}
		Optional<String> part = this.participants.partOf(appeal, this.appeals.caseSeq(appealId), staff);
		if (part.isPresent()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You took part in the decision under appeal ("
					+ part.get() + "); a person who did not decides the appeal.");
		}
		this.appeals.decide(appealId, staff, outcome, why);
		Appeal decided = this.appeals.find(appealId).orElseThrow();
		String actor = "staff:" + staff;
		Optional<AppealedCase> theCase = Optional.ofNullable(appeal.caseId()).flatMap(this.cases::find);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("appeal_id", appealId);
		details.put("party", appeal.party());
		details.put("decision", appeal.decisionRef());
		details.put("outcome", outcome);
		details.put("reason", why);
		boolean mayLiftProtected = role == Role.SENIOR || role == Role.LEGAL || role == Role.ADMIN;
		if ("customer".equals(appeal.party())) {
			decideCustomer(decided, theCase.orElseThrow(), actor, details, mayLiftProtected);
		}
		else {
			decideReporter(decided, theCase, actor, details);
		}
		return this.appeals.find(appealId);
	}

	private void decideCustomer(Appeal appeal, AppealedCase theCase, String actor, Map<String, Object> details,
			boolean mayLiftProtected) {
		boolean reversed = "reversed".equals(appeal.outcome());
		List<Mitigation> ofCase = this.mitigations.ofCase(theCase.id());
		boolean stillInForce = ofCase.stream()
			.anyMatch((m) -> !m.status().ended() && !(reversed && m.id() == appeal.mitigationId()));
		CaseStatus status = (this.appeals.openOnCase(theCase.id()) > 0) ? CaseStatus.APPEALED
				: "modified".equals(appeal.outcome()) ? CaseStatus.IN_REVIEW
						: stillInForce ? CaseStatus.ACTIONED : CaseStatus.CLOSED;
		// the case row before its audit head, the order case work takes them in
		this.cases.appealDecided(theCase.id(), appeal.id(), appeal.outcome(), status, actor);
		this.audit.append("case:" + theCase.id(), actor, "appeal.decided", details);
		if (!reversed) {
			this.strikes.customerStrike(theCase.accountRef(), theCase.reportType(), theCase.id(), appeal.mitigationId(),
					appeal.id(), "upheld", actor);
		}
		List<Report> caseReports = this.reports.findAll(theCase.reportIds());
		Mitigation mitigation = ofCase.stream()
			.filter((m) -> m.id() == appeal.mitigationId())
			.findFirst()
			.orElseThrow();
		caseReports.stream()
			.map((report) -> report.resolution().account())
			.filter((account) -> account != null && account.abuseContact() != null)
			.findFirst()
			.ifPresent((account) -> this.messages
				.queue(this.notices.toCustomer(appeal, account.abuseContact(), mitigation.target())));
		caseReports.forEach((report) -> this.notices.toReporter(appeal, report).ifPresent(this.messages::queue));
		if (reversed) {
			// last: lifting takes the change-sequence lock, held until commit
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("appeal_id", appeal.id());
			facts.put("reason", appeal.outcomeReason());
			this.mitigations.lift(appeal.mitigationId(), actor, mayLiftProtected, "mitigation.lifted", facts);
		}
	}

	private void decideReporter(Appeal appeal, Optional<AppealedCase> theCase, String actor,
			Map<String, Object> details) {
		if (theCase.isPresent()) {
			long caseId = theCase.get().id();
			CaseStatus status = (this.appeals.openOnCase(caseId) > 0) ? CaseStatus.APPEALED
					: "upheld".equals(appeal.outcome()) ? CaseStatus.REJECTED : CaseStatus.IN_REVIEW;
			this.cases.appealDecided(caseId, appeal.id(), appeal.outcome(), status, actor);
			this.audit.append("case:" + caseId, actor, "appeal.decided", details);
		}
		this.audit.append("report:" + appeal.reportId(), actor, "appeal.decided", details);
		this.reports.find(appeal.reportId())
			.flatMap((report) -> this.notices.toReporter(appeal, report))
			.ifPresent(this.messages::queue);
	}

	private static String checked(String outcome, String reason) {
		List<FieldError> errors = new java.util.ArrayList<>();
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			errors.add(new FieldError("outcome", (outcome == null) ? "required" : "invalid",
					"One of: upheld, reversed, modified."));
		}
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			errors.add(new FieldError("reason", "required", "Say why; both parties read it."));
		}
		else if (why.length() > AppealForm.MAX_TEXT) {
			errors.add(new FieldError("reason", "too_long", "At most " + AppealForm.MAX_TEXT + " characters."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return why;
	}

}
