package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseDenied;
import org.abusedesk.cases.CaseForwarded;
import org.abusedesk.cases.CasePlan;
import org.abusedesk.cases.CaseQueue;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.CaseView;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.cases.CaseWorkException.Kind;
import org.abusedesk.cases.ProposalApproved;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.Review;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case work (docs/console.md has the role matrix this enforces). Each step locks the case
 * row first, so two steps on one case, on any node, run one after the other.
 */
@Service
class CaseWorkService implements CaseWork {

	static final int MAX_TEXT = 5000;

	/** The longest name a staff user has (the identity module's own limit). */
	static final int MAX_ASSIGNEE = 64;

	/** Who may change a case: everyone but agents. */
	static final Role[] DECIDERS = { Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN };

	/** Statuses in which a plan can be accepted, changed or denied. */

	private final CaseWorkRepository cases;

	/** The one writer of a case's status. */
	private final CaseRepository lifecycle;

	private final Reports reports;

	private final ClaimRepository claims;

	private final ProposalRepository proposals;

	private final CasePlans plans;

	private final CaseViews views;

	private final Emergencies emergencies;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Duration claimDuration;

	CaseWorkService(CaseWorkRepository cases, CaseRepository lifecycle, Reports reports, ClaimRepository claims,
			ProposalRepository proposals, CasePlans plans, CaseViews views, Emergencies emergencies, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, CaseProperties properties) {
		this.cases = cases;
		this.lifecycle = lifecycle;
		this.reports = reports;
		this.claims = claims;
		this.proposals = proposals;
		this.plans = plans;
		this.views = views;
		this.emergencies = emergencies;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.claimDuration = properties.claimDuration();
	}

	@Override
	public Optional<CaseView> view(long caseId, Actor viewer, long reportsAfter, long historyBefore) {
		return this.views.view(caseId, viewer, reportsAfter, historyBefore);
	}

	@Override
	public Optional<CaseView.EvidenceFile> evidence(long evidenceId) {
		return this.cases.evidenceFile(evidenceId);
	}

	@Override
	@Transactional
	public Claim claim(long caseId, Actor actor) {
		allow(actor, DECIDERS);
		this.cases.row(caseId).orElseThrow(() -> CaseWorkException.notFound(caseId));
		Optional<Claim> claim = this.claims.claim(caseId, actor.name(), this.claimDuration, false);
		if (claim.isEmpty()) {
			return this.claims.holder(caseId, actor.name())
				.orElseThrow(() -> new CaseWorkException(Kind.CONFLICT, "The claim changed; try again."));
		}
		this.audit.append(stream(caseId), actor.audit(), "case.claimed", Map.of("expires_at", claim.get().expiresAt()));
		return claim.get();
	}

	@Override
	@Transactional
	public void release(long caseId, Actor actor) {
		allow(actor, DECIDERS);
		if (this.claims.release(caseId, actor.name())) {
			this.audit.append(stream(caseId), actor.audit(), "case.released", Map.of());
		}
	}

	@Override
	@Transactional
	public Outcome accept(long caseId, Actor actor) {
		allow(actor, DECIDERS);
		decidable(caseId, actor);
		CasePlan plan = this.plans.of(caseId);
		return propose(caseId, actor, plan, null, "case.plan_accepted");
	}

	@Override
	@Transactional
	public Outcome change(long caseId, Actor actor, List<ProposedMitigation> mitigations, String reason) {
		allow(actor, DECIDERS);
		text("reason", reason, true);
		decidable(caseId, actor);
		CasePlan plan = this.plans.changed(this.plans.of(caseId), mitigations);
		Optional<String> violation = this.plans.violation(caseId, plan);
		if (violation.isPresent()) {
			throw new CaseWorkException(Kind.INVALID, "The changed plan breaks a guardrail: " + violation.get());
		}
		return propose(caseId, actor, plan, reason, "case.plan_changed");
	}

	private Outcome propose(long caseId, Actor actor, CasePlan plan, String reason, String action) {
		boolean waits = plan.needsApproval();
		long proposalId = this.proposals.propose(caseId, plan, actor.name(), reason,
				waits ? "awaiting_approval" : "applied");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("proposal_id", proposalId);
		details.put("review", plan.review().wire());
		details.put("mitigations", plan.mitigations().stream().map((m) -> m.type().wire()).toList());
		details.put("effective_after_seconds",
				plan.mitigations().stream().map((m) -> m.effectiveAfter().toSeconds()).toList());
		details.put("reason", reason);
		// the claim before the audit head, the order claiming takes them in
		this.claims.release(caseId, actor.name());
		this.audit.append(stream(caseId), actor.audit(), action, details);
		if (waits) {
			this.lifecycle.moveTo(caseId, CaseStatus.AWAITING_APPROVAL);
			return new Outcome(CaseStatus.AWAITING_APPROVAL, proposalId);
		}
		return apply(caseId, proposalId, plan, actor);
	}

	private Outcome apply(long caseId, long proposalId, CasePlan plan, Actor actor) {
		CaseStatus status = plan.mitigations().isEmpty() ? CaseStatus.CLOSED : CaseStatus.ACTIONED;
		this.lifecycle.moveTo(caseId, status);
		this.audit.append(stream(caseId), "system", "case.plan_applied",
				Map.of("proposal_id", proposalId, "mitigations", plan.mitigations().size(), "status", status.wire()));
		// last: recording mitigations takes the change-sequence lock, held until commit
		// (Mitigations.create); taking other locks after it could deadlock
		this.events.publishEvent(new ProposalApproved(caseId, proposalId, plan.mitigations(), actor.audit(),
				this.cases.reportIds(caseId)));
		return new Outcome(status, proposalId);
	}

	@Override
	@Transactional
	public Outcome answer(long caseId, Actor actor, boolean approve, String reason) {
		allow(actor, DECIDERS);
		text("reason", reason, !approve);
		this.cases.lock(caseId).orElseThrow(() -> CaseWorkException.notFound(caseId));
		CaseView.Proposal proposal = this.proposals.lockOpen(caseId)
			.orElseThrow(
					() -> new CaseWorkException(Kind.CONFLICT, "Case " + caseId + " has no plan awaiting approval."));
		if (proposal.proposedBy().equals(actor.name())) {
			throw new CaseWorkException(Kind.INVALID, "Whoever proposed a plan cannot approve it.");
		}
		if (proposal.plan().review() == Review.SENIOR && !actor.isAny(Role.SENIOR, Role.ADMIN)) {
			throw new CaseWorkException(Kind.FORBIDDEN, "This plan needs a senior reviewer.");
		}
		String decision = approve ? "approve" : "refuse";
		if (!this.proposals.answer(proposal.id(), actor.name(), decision, reason)) {
			throw new CaseWorkException(Kind.INVALID, "You already answered this plan.");
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("proposal_id", proposal.id());
		details.put("decision", decision);
		details.put("reason", reason);
		this.audit.append(stream(caseId), actor.audit(), approve ? "case.plan_approved" : "case.plan_refused", details);
		if (!approve) {
			this.proposals.close(proposal.id(), "refused");
			this.lifecycle.moveTo(caseId, CaseStatus.IN_REVIEW);
			return new Outcome(CaseStatus.IN_REVIEW, proposal.id());
		}
		// the proposer accepted first: this approver is the second distinct person, and
		// for a senior plan the senior one
		this.proposals.close(proposal.id(), "approved");
		return apply(caseId, proposal.id(), proposal.plan(), actor);
	}

	@Override
	@Transactional
	public void deny(long caseId, Actor actor, DenialReason reason, String note) {
		allow(actor, DECIDERS);
		if (reason == null) {
			throw new CaseWorkException(Kind.INVALID, "Choose a reason to deny.");
		}
		text("note", note, false);
		decidable(caseId, actor);
		List<Long> reports = this.cases.reportIds(caseId);
		this.lifecycle.moveTo(caseId, CaseStatus.REJECTED);
		// the audit entries in one call, which locks the streams' heads in the order of
		// their
		// names, as the router and the outbox do
		List<AuditLog.Append> appends = new ArrayList<>();
		for (long reportId : this.reports.markAllDenied(reports, reason)) {
			appends.add(new AuditLog.Append("report:" + reportId, actor.audit(), "report.denied",
					Map.of("denial_reason", reason.wire(), "case_id", caseId)));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason.wire());
		details.put("note", note);
		details.put("report_ids", reports);
		appends.add(new AuditLog.Append(stream(caseId), actor.audit(), "case.denied", details));
		// the claim before the audit heads, the order claiming takes them in
		this.claims.release(caseId, actor.name());
		this.audit.appendAll(appends);
		this.events.publishEvent(new CaseDenied(caseId, reports, reason.wire(), actor.audit()));
	}

	@Override
	@Transactional
	public void escalate(long caseId, Actor actor, Role to, String reason) {
		if (to != Role.SENIOR && to != Role.LEGAL) {
			throw new CaseWorkException(Kind.INVALID, "Escalate to a senior or to legal.");
		}
		text("reason", reason, true);
		open(caseId);
		this.cases.escalate(caseId, to.wire());
		this.claims.release(caseId, actor.name());
		this.audit.append(stream(caseId), actor.audit(), "case.escalated", Map.of("to", to.wire(), "reason", reason));
	}

	@Override
	@Transactional
	public long declareEmergency(long caseId, Actor actor, String justification) {
		// the checks are the emergency service's, the same for the API
		try {
			return this.emergencies.declare(caseId, actor, justification).emergencyId();
		}
		catch (org.abusedesk.problems.InvalidInputException ex) {
			throw new CaseWorkException(Kind.INVALID, ex.getMessage());
		}
		catch (org.springframework.web.server.ResponseStatusException ex) {
			throw new CaseWorkException(switch (ex.getStatusCode().value()) {
				case 403 -> Kind.FORBIDDEN;
				case 404 -> Kind.NOT_FOUND;
				default -> Kind.CONFLICT;
			}, ex.getReason());
		}
	}

	@Override
	@Transactional
	public void note(long caseId, Actor actor, String body) {
		text("note", body, true);
		this.cases.lock(caseId).orElseThrow(() -> CaseWorkException.notFound(caseId));
		long noteId = this.cases.addNote(caseId, actor.name(), body.strip());
		this.audit.append(stream(caseId), actor.audit(), "case.note_added", Map.of("note_id", noteId));
	}

	@Override
	@Transactional
	public void link(long caseId, long otherCaseId, Actor actor) {
		allow(actor, DECIDERS);
		lockBoth(caseId, otherCaseId);
		if (this.cases.link(caseId, otherCaseId, "related", actor.name())) {
			this.audit.append(stream(caseId), actor.audit(), "case.linked", Map.of("case_id", otherCaseId));
			this.audit.append(stream(otherCaseId), actor.audit(), "case.linked", Map.of("case_id", caseId));
		}
	}

	@Override
	@Transactional
	public void merge(long caseId, long intoCaseId, Actor actor) {
		allow(actor, DECIDERS);
		Map<Long, CaseStatus> statuses = lockBoth(caseId, intoCaseId);
		for (Map.Entry<Long, CaseStatus> entry : statuses.entrySet()) {
			// forwarded cases are still open: new reports attach to them
			if (!CaseQueue.OPEN.contains(entry.getValue()) && entry.getValue() != CaseStatus.FORWARDED) {
				throw new CaseWorkException(Kind.CONFLICT,
						"Case " + entry.getKey() + " is " + entry.getValue().wire() + "; only open cases merge.");
			}
		}
		unclaimedByOthers(caseId, actor);
		int moved = this.cases.moveReports(caseId, intoCaseId);
		this.cases.link(caseId, intoCaseId, "merged_into", actor.name());
		this.lifecycle.moveTo(caseId, CaseStatus.CLOSED);
		this.claims.release(caseId, actor.name());
		this.audit.append(stream(caseId), actor.audit(), "case.merged_into",
				Map.of("case_id", intoCaseId, "reports", moved));
		this.audit.append(stream(intoCaseId), actor.audit(), "case.merged_from",
				Map.of("case_id", caseId, "reports", moved));
	}

	@Override
	public List<BulkResult> bulk(BulkAction action, List<Long> caseIds, Actor actor, String assignee) {
		allow(actor, DECIDERS);
		if (action == BulkAction.ASSIGN && (assignee == null || assignee.isBlank())) {
			throw new CaseWorkException(Kind.INVALID, "Say whom to assign the cases to.");
		}
		if (action == BulkAction.ASSIGN && assignee.length() > MAX_ASSIGNEE) {
			throw new CaseWorkException(Kind.INVALID,
					"A staff user's name has at most " + MAX_ASSIGNEE + " characters; no case was assigned.");
		}
		if (action == BulkAction.ASSIGN && !assignee.equals(actor.name()) && !actor.isAny(Role.SENIOR, Role.ADMIN)) {
			throw new CaseWorkException(Kind.FORBIDDEN, "Only a senior or an admin assigns cases to others.");
		}
		List<BulkResult> results = new ArrayList<>();
		for (long caseId : caseIds) {
			try {
				this.transactions.executeWithoutResult((status) -> bulkOne(action, caseId, actor, assignee));
				results.add(new BulkResult(caseId, true, null));
			}
			catch (CaseWorkException ex) {
				results.add(new BulkResult(caseId, false, ex.getMessage()));
			}
		}
		return results;
	}

	private void bulkOne(BulkAction action, long caseId, Actor actor, String assignee) {
		switch (action) {
			case DENY_DUPLICATE -> deny(caseId, actor, DenialReason.DUPLICATE_REPORT, "bulk");
			case FORWARD -> {
				decidable(caseId, actor);
				this.lifecycle.moveTo(caseId, CaseStatus.FORWARDED);
				List<Long> reports = this.cases.reportIds(caseId);
				// the claim before the audit head, the order claiming takes them in
				this.claims.release(caseId, actor.name());
				this.audit.append(stream(caseId), actor.audit(), "case.forwarded",
						Map.of("bulk", true, "report_ids", reports));
				this.events.publishEvent(new CaseForwarded(caseId, reports, actor.audit()));
			}
			case ASSIGN -> {
				open(caseId);
				Claim claim = this.claims.claim(caseId, assignee, this.claimDuration, true).orElseThrow();
				this.audit.append(stream(caseId), actor.audit(), "case.assigned",
						Map.of("to", assignee, "expires_at", claim.expiresAt()));
			}
		}
	}

	/** Locks the case and checks that its plan can still be decided by the actor. */
	private void decidable(long caseId, Actor actor) {
		CaseStatus status = this.cases.lock(caseId).orElseThrow(() -> CaseWorkException.notFound(caseId));
		if (!CaseStatus.DECIDABLE.contains(status)) {
			throw new CaseWorkException(Kind.CONFLICT, "Case " + caseId + " is " + status.wire() + ".");
		}
		unclaimedByOthers(caseId, actor);
	}

	private CaseStatus open(long caseId) {
		CaseStatus status = this.cases.lock(caseId).orElseThrow(() -> CaseWorkException.notFound(caseId));
		if (!CaseQueue.OPEN.contains(status) && status != CaseStatus.FORWARDED) {
			throw new CaseWorkException(Kind.CONFLICT, "Case " + caseId + " is " + status.wire() + ".");
		}
		return status;
	}

	private void unclaimedByOthers(long caseId, Actor actor) {
		Optional<Claim> holder = this.claims.holder(caseId, actor.name());
		if (holder.isPresent() && !holder.get().mine()) {
			throw new CaseWorkException(Kind.CONFLICT, "Case " + caseId + " is held by " + holder.get().holder()
					+ " until " + holder.get().expiresAt() + ".");
		}
	}

	/** Locks two distinct cases in id order, so that two merges never deadlock. */
	private Map<Long, CaseStatus> lockBoth(long caseId, long otherId) {
		if (caseId == otherId) {
			throw new CaseWorkException(Kind.INVALID, "A case cannot be linked to itself.");
		}
		Map<Long, CaseStatus> statuses = new LinkedHashMap<>();
		for (long id : new long[] { Math.min(caseId, otherId), Math.max(caseId, otherId) }) {
			statuses.put(id, this.cases.lock(id).orElseThrow(() -> CaseWorkException.notFound(id)));
		}
		return statuses;
	}

	private static void allow(Actor actor, Role... roles) {
		if (actor == null || !actor.isAny(roles)) {
			throw new CaseWorkException(Kind.FORBIDDEN, "Your role does not allow this.");
		}
	}

	private static void text(String field, String value, boolean required) {
		if (required && (value == null || value.isBlank())) {
			throw new CaseWorkException(Kind.INVALID, "The " + field + " is required.");
		}
		if (value != null && value.length() > MAX_TEXT) {
			throw new CaseWorkException(Kind.INVALID, "The " + field + " has at most " + MAX_TEXT + " characters.");
		}
	}

	private static String stream(long caseId) {
		return "case:" + caseId;
	}

}
