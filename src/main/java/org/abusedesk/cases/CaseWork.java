package org.abusedesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.policy.ProposedMitigation;

/**
 * Working a case (docs/console.md): claiming it, accepting, changing or denying its plan,
 * approving what someone else proposed, escalating, declaring an emergency, notes, links
 * and merges. Every step checks the actor's role (whatever the caller checked before),
 * runs in one transaction, and appends to the case's audit stream with the actor and the
 * reason. Steps that change a case are refused while someone else holds its claim.
 *
 * @see CaseWorkException for the ways a step is refused
 */
public interface CaseWork {

	/**
	 * The case page for this viewer, with the first page of reports and the newest
	 * history, or empty when there is no such case.
	 */
	default Optional<CaseView> view(long caseId, Actor viewer) {
		return view(caseId, viewer, 0, Long.MAX_VALUE);
	}

	/**
	 * The case page for this viewer, or empty when there is no such case.
	 * @param reportsAfter the page of reports after this report id (0 for the first)
	 * @param historyBefore the history entries before this seq ({@link Long#MAX_VALUE}
	 * for the newest)
	 */
	Optional<CaseView> view(long caseId, Actor viewer, long reportsAfter, long historyBefore);

	/** An evidence file by id, or empty. */
	Optional<CaseView.EvidenceFile> evidence(long evidenceId);

	/**
	 * Claims the case for the actor, or renews the actor's claim. The database decides
	 * between concurrent claims, so of any number of nodes exactly one wins an unclaimed
	 * case.
	 * @return the claim now on the case: the actor's, or the one who holds it
	 */
	Claim claim(long caseId, Actor actor);

	/** Gives up the actor's claim on the case; nothing when the actor holds none. */
	void release(long caseId, Actor actor);

	/**
	 * Accepts the case's plan as proposed: applied at once when one reviewer suffices,
	 * else it waits for approval ({@code awaiting_approval}).
	 */
	Outcome accept(long caseId, Actor actor);

	/**
	 * Proposes a changed plan. It must keep the guardrails for every decision of the
	 * case; a change that acts more strongly than the policy proposed (a mitigation the
	 * policy did not propose, or a shorter grace period) needs two distinct approvers.
	 * @param reason why, required
	 */
	Outcome change(long caseId, Actor actor, List<ProposedMitigation> mitigations, String reason);

	/**
	 * Approves or refuses the proposal awaiting approval. The approver differs from the
	 * proposer; a {@code senior} plan needs a senior or an admin. A refusal returns the
	 * case to {@code in_review}.
	 * @param reason why; required for a refusal
	 */
	Outcome answer(long caseId, Actor actor, boolean approve, String reason);

	/** Denies the case's reports with a reason; the reporters are owed a notice. */
	void deny(long caseId, Actor actor, DenialReason reason, String note);

	/** Hands the case to a senior or to legal, with a reason. */
	void escalate(long caseId, Actor actor, Role to, String reason);

	/**
	 * Declares an emergency (imminent threat to human life); its blocks need two further
	 * approvers.
	 * @return the emergency's id
	 */
	long declareEmergency(long caseId, Actor actor, String justification);

	/** Adds a note for staff. */
	void note(long caseId, Actor actor, String body);

	/** Records that two cases are related. */
	void link(long caseId, long otherCaseId, Actor actor);

	/** Moves the case's reports into another open case and closes this one. */
	void merge(long caseId, long intoCaseId, Actor actor);

	/**
	 * Applies one action to each case in its own transaction, so each is one audited act
	 * and a refusal on one case does not undo the others.
	 * @param assignee for {@link BulkAction#ASSIGN}, who gets the cases
	 */
	List<BulkResult> bulk(BulkAction action, List<Long> caseIds, Actor actor, String assignee);

	/**
	 * @param holder who holds the case
	 * @param mine whether that is the actor who asked
	 */
	record Claim(long caseId, String holder, Instant expiresAt, boolean mine) {

	}

	/**
	 * Where a case is after a step.
	 *
	 * @param status the case status
	 * @param proposalId the proposal the step made or answered, or {@code null}
	 */
	record Outcome(CaseStatus status, Long proposalId) {

	}

	/** What can be done to several cases at once. */
	enum BulkAction {

		DENY_DUPLICATE, FORWARD, ASSIGN

	}

	/**
	 * @param error why the action was refused on that case, or {@code null}
	 */
	record BulkResult(long caseId, boolean done, String error) {

	}

}
