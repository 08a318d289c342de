package org.abusedesk.actions;

import java.time.Instant;
import java.util.List;

/**
 * The mitigations the provider has taken (minimal until the mitigation lifecycle issue):
 * emergency blocks become mitigations when their emergency is approved, and lapse when
 * they expire.
 */
public interface Mitigations {

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
	 * @param status {@code pending}, {@code active}, {@code cancelled} or {@code removed}
	 * @param territorialScope ISO 3166 codes it is limited to; empty means everywhere
	 */
	record Mitigation(long id, long caseId, String type, String target, List<String> territorialScope, String status,
			Instant effectiveAt, Instant expiresAt, Instant reviewAt, Instant createdAt) {
	}

}
