package org.abusedesk.mitigations;

import java.util.List;
import java.util.Optional;

import org.abusedesk.mitigations.Mitigations.Mitigation;

/**
 * What staff do to mitigations from the console's mitigations page: find them by type,
 * status, account or a review date that has come, and lift, extend or reschedule the
 * review of one, each with a reason. The same checks as the staff API
 * ({@code /api/v1/mitigations/{id}/lift}, {@code extend}, {@code review}): a legal block,
 * an emergency block or a CSAM removal is changed only by a senior, legal or admin.
 */
public interface MitigationControl {

	/** The most a search answers. */
	int MAX_RESULTS = 200;

	/**
	 * The mitigations matching {@code filter}, those with the soonest review date first.
	 * @param limit at most this many (capped at {@link #MAX_RESULTS})
	 */
	List<Mitigation> search(Filter filter, int limit);

	/**
	 * Lifts a pending or active mitigation: pending becomes {@code cancelled}, active
	 * {@code removed}; audited as {@code mitigation.lifted} and sent to the edge.
	 * @param staff the staff member's name
	 * @param mayChangeProtected whether they are a senior, legal or admin
	 * @return the mitigation after the change, empty when there is none with this id
	 * @throws org.abusedesk.problems.InvalidInputException when the reason is missing or
	 * too long
	 * @throws org.springframework.web.server.ResponseStatusException 403 for a protected
	 * mitigation and a reviewer, 409 when it is no longer pending or active
	 */
	Optional<Mitigation> lift(long id, String staff, boolean mayChangeProtected, String reason);

	/**
	 * Moves the expiry later ({@code expiresAt} an ISO-8601 instant). Errors as for
	 * {@link #lift}, and 409 for a mitigation without an expiry.
	 */
	Optional<Mitigation> extend(long id, String staff, boolean mayChangeProtected, String expiresAt, String reason);

	/**
	 * Sets the review date ({@code reviewAt} an ISO-8601 instant). Errors as for
	 * {@link #lift}.
	 */
	Optional<Mitigation> review(long id, String staff, boolean mayChangeProtected, String reviewAt, String reason);

	/**
	 * What to show; {@code null} fields do not filter.
	 *
	 * @param type a mitigation type's wire value
	 * @param status the status; {@code null} means pending or active (in force)
	 * @param accountRef the customer account
	 * @param reviewDue only those whose review date has come
	 */
	record Filter(String type, MitigationStatus status, String accountRef, boolean reviewDue) {

		public static Filter inForce() {
			return new Filter(null, null, null, false);
		}

	}

}
