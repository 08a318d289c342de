package org.abusedesk.actions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The mitigations the provider has taken (minimal until the mitigation lifecycle issue):
 * emergency blocks become mitigations when their emergency is approved, and lapse when
 * they expire.
 */
public interface Mitigations {

	/**
	 * Records a mitigation the provider decided on, in the caller's transaction: active
	 * at once when {@code effectiveAt} is not in the future, else pending until then.
	 * Appends {@code mitigation.created} to the case's audit stream.
	 * @return the stored mitigation
	 */
	Mitigation create(NewMitigation mitigation);

	/** The mitigations of a case, oldest first. */
	List<Mitigation> ofCase(long caseId);

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
	 * A mitigation to record.
	 *
	 * @param caseId the case it belongs to
	 * @param type wire value, e.g. {@code content_disable}
	 * @param target {@code url_pattern}, {@code zone} or {@code account}
	 * @param territorialScope ISO 3166 codes it is limited to; empty means everywhere
	 * @param effectiveAt when it takes effect (the customer's grace period ends)
	 * @param expiresAt when it lapses unless renewed, or {@code null}
	 * @param reviewAt when a person must look at it again, or {@code null}
	 * @param actor who decided, e.g. {@code staff:alice} or {@code system}
	 * @param basis why, for the audit log and the statement of reasons
	 */
	record NewMitigation(long caseId, String type, String target, List<String> territorialScope, Instant effectiveAt,
			Instant expiresAt, Instant reviewAt, String actor, Map<String, Object> basis) {
	}

	/**
	 * @param status {@code pending}, {@code active}, {@code cancelled} or {@code removed}
	 * @param territorialScope ISO 3166 codes it is limited to; empty means everywhere
	 */
	record Mitigation(long id, long caseId, String type, String target, List<String> territorialScope, String status,
			Instant effectiveAt, Instant expiresAt, Instant reviewAt, Instant createdAt) {
	}

}
