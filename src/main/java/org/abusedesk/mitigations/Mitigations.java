package org.abusedesk.mitigations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mitigations the provider has taken: {@code pending} until their effective time (the
 * customer's grace period), then {@code active}; {@code cancelled} when a pending one is
 * withdrawn, and {@code removed} when it lapses or staff lift it. A customer's review
 * request changes none of them (only a pending one that is not a legal, emergency or CSAM
 * block is withdrawn); {@code in_review} is left only on rows from before that rule.
 * Every change is in the case's audit stream and goes to the edge (the active list and
 * the signed webhooks).
 */
public interface Mitigations {

	/** The outbox kind of the customer's notices about its mitigations. */
	String NOTICE_KIND = "mitigation_notice";

	/**
	 * Records a mitigation the provider decided on, in the caller's transaction: active
	 * at once when {@code effectiveAt} is not in the future, else pending until then.
	 * Appends {@code mitigation.created} (or {@code mitigation.activated}) to the case's
	 * audit stream and queues the webhooks. Call it last in the transaction, after your
	 * own audit appends: storing a mitigation takes the change-sequence lock (migration
	 * V50), held until commit, and waiting for another lock while holding it can
	 * deadlock.
	 * @return the stored mitigation
	 */
	Mitigation create(NewMitigation mitigation);

	/** The mitigations of a case, oldest first. */
	List<Mitigation> ofCase(long caseId);

	/** One mitigation, or empty when there is none with this id. */
	Optional<Mitigation> find(long id);

	/**
	 * The mitigations of one customer account, newest first, with ids below
	 * {@code beforeId}.
	 */
	List<Mitigation> ofAccount(String accountRef, int limit, long beforeId);

	/**
	 * Records a customer's request for review of one of their account's mitigations, in
	 * the caller's transaction: a pending one that is not a legal, emergency or CSAM
	 * block is withdrawn ({@code cancelled}); any other stays as it is until staff
	 * decide, and the request is appended to the case's audit stream as
	 * {@code mitigation.review_requested}.
	 * @param facts what the customer said ({@code reason}, {@code comment}, ...), kept in
	 * the audit entry
	 * @return the mitigation after the request, or empty when the account has no such
	 * mitigation (another account's id looks like no id at all)
	 * @throws org.springframework.web.server.ResponseStatusException 409 when the
	 * mitigation is neither pending nor active
	 */
	Optional<Mitigation> reviewRequested(String accountRef, long id, Map<String, Object> facts);

	/**
	 * Lifts a mitigation at the word of someone other than staff on its own page (an
	 * appeal decided {@code reversed}, content restored after a DMCA counter-notice), in
	 * the caller's transaction: a pending one is {@code cancelled}, an active one
	 * {@code removed}; audited as {@code action} with {@code facts} in the case's stream
	 * and sent to the edge. One already cancelled or removed is left as it is. Call it
	 * last in the transaction (see {@link #create}).
	 * @param actor who lifts it, e.g. {@code staff:alice} or {@code system}
	 * @param mayChangeProtected whether the actor may lift a legal block, an emergency
	 * block or a CSAM removal (a senior, legal or admin)
	 * @return the mitigation after the change, or empty when there is none with this id
	 * @throws org.springframework.web.server.ResponseStatusException 403 for a protected
	 * mitigation and an actor who may not change it
	 */
	Optional<Mitigation> lift(long id, String actor, boolean mayChangeProtected, String action,
			Map<String, Object> facts);

	/**
	 * Activates the pending mitigations whose effective time is at or before {@code now}:
	 * each becomes {@code active}, {@code mitigation.activated} is appended to its case's
	 * audit stream and the webhooks are queued, all in one transaction. Claims rows with
	 * {@code FOR UPDATE SKIP LOCKED}, so any number of nodes may call it at once and each
	 * mitigation is activated once.
	 * @param now the instant to compare the effective time with
	 * @param limit how many to activate at most in this call
	 * @return how many were activated
	 */
	int activateDue(Instant now, int limit);

	/**
	 * Marks the mitigations that expired at {@code now} as {@code removed}, each in the
	 * case's audit stream. Claims rows with {@code FOR UPDATE SKIP LOCKED}, so any number
	 * of nodes may call it at once and each row is removed once.
	 * @param now the instant to compare expiry with
	 * @param limit how many to remove at most in this call
	 * @return how many were removed
	 */
	int expireDue(Instant now, int limit);

	/**
	 * Puts the cases of the pending and active mitigations whose review date is at or
	 * before {@code now} back in the review queue: appends {@code mitigation.review_due}
	 * to the case's audit stream and publishes
	 * {@link org.abusedesk.cases.MitigationReviewDue}, once per mitigation and review
	 * date. Claims rows with {@code FOR UPDATE SKIP LOCKED}, so any number of nodes may
	 * call it at once.
	 * @param now the instant to compare the review date with
	 * @param limit how many to queue at most in this call
	 * @return how many were queued
	 */
	int queueDueReviews(Instant now, int limit);

	/**
	 * A mitigation to record.
	 *
	 * @param caseId the case it belongs to
	 * @param type wire value, e.g. {@code content_disable}
	 * @param entityType {@code url_pattern}, {@code zone} or {@code account}
	 * @param territorialScope ISO 3166 codes it is limited to; empty means everywhere
	 * @param effectiveAt when it takes effect (the customer's grace period ends)
	 * @param expiresAt when it lapses unless renewed, or {@code null}
	 * @param reviewAt when a person must look at it again, or {@code null}: one without
	 * an expiry is then given {@code abusedesk.mitigations.default-review-after} (90
	 * days) after it takes effect
	 * @param actor who decided, e.g. {@code staff:alice} or {@code system}
	 * @param basis why, for the audit log and the statement of reasons; a
	 * {@code legal_basis} entry becomes the statement's legal ground
	 * @param target what it applies to: for {@code url_pattern} the URL target (required:
	 * an exact URL, or a path prefix ending in {@code *}; never the whole property); for
	 * {@code zone} and {@code account} the zone or account ref, or {@code null} for the
	 * case's property or account
	 * @param explanation the decision's plain-language explanation, or {@code null}; it
	 * is shown to the customer, so it must not name the reporter
	 */
	record NewMitigation(long caseId, String type, String entityType, List<String> territorialScope,
			Instant effectiveAt, Instant expiresAt, Instant reviewAt, String actor, Map<String, Object> basis,
			String target, String explanation) {

		public NewMitigation {
			territorialScope = List.copyOf(territorialScope);
			basis = (basis != null) ? Map.copyOf(basis) : Map.of();
		}

		/**
		 * A mitigation on the case's zone or account (not for {@code url_pattern}, which
		 * names its URL), without an explanation.
		 */
		public NewMitigation(long caseId, String type, String entityType, List<String> territorialScope,
				Instant effectiveAt, Instant expiresAt, Instant reviewAt, String actor, Map<String, Object> basis) {
			this(caseId, type, entityType, territorialScope, effectiveAt, expiresAt, reviewAt, actor, basis, null,
					null);
		}

	}

	/**
	 * @param status {@code pending}, {@code active}, {@code in_review}, {@code cancelled}
	 * or {@code removed}
	 * @param territorialScope ISO 3166 codes it is limited to; empty means everywhere
	 * @param accountRef the customer account it concerns
	 * @param target the URL pattern, zone or account ref it applies to
	 * @param statement why, in plain language (the statement of reasons)
	 * @param decisionGround {@code DECISION_GROUND_ILLEGAL_CONTENT} or
	 * {@code DECISION_GROUND_INCOMPATIBLE_CONTENT}
	 * @param changeSeq the number of its latest change; the edge's sync cursor
	 */
	record Mitigation(long id, long caseId, String type, String entityType, List<String> territorialScope,
			MitigationStatus status, Instant effectiveAt, Instant expiresAt, Instant reviewAt, Instant createdAt,
			String accountRef, String target, String statement, String decisionGround, Instant updatedAt,
			long changeSeq) {
	}

}
