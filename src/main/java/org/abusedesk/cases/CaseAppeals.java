package org.abusedesk.cases;

import java.util.List;
import java.util.Optional;

/**
 * What the redress module ({@code appeals}) does to cases: read who a case is about, put
 * it in {@code appealed} while an appeal against one of its decisions is open, and give
 * it its status back once the appeal is decided. Every change is in the case's audit
 * stream.
 */
public interface CaseAppeals {

	/** The case, or empty when there is none with this id. */
	Optional<AppealedCase> find(long caseId);

	/**
	 * The case a report is attached to, or empty (a report denied on arrival has none).
	 */
	Optional<Long> caseOfReport(long reportId);

	/**
	 * Sets the case {@code appealed} (open, in the queue, decidable) and appends
	 * {@code case.appealed}. A case closed or rejected meanwhile while another case is
	 * open for the same property and harm stays as it is (one open case per property and
	 * harm); the appeal is in its history all the same.
	 * @param actor who appealed: {@code customer} or {@code reporter}
	 * @return the case's status before, or empty when there is no such case
	 */
	Optional<CaseStatus> markAppealed(long caseId, long appealId, String actor);

	/**
	 * Gives the case the status it has after an appeal was decided, and appends
	 * {@code case.appeal_decided}.
	 * @param status the case status to set, e.g. {@code actioned}, {@code in_review},
	 * {@code rejected}, {@code closed}
	 * @param actor the staff member who decided, e.g. {@code staff:bob}
	 */
	void appealDecided(long caseId, long appealId, String outcome, CaseStatus status, String actor);

	/**
	 * Puts a case back in the review queue ({@code in_review}) after a customer asked for
	 * a review of one of its mitigations; a case already open stays as it is.
	 * @return whether the case moved
	 */
	boolean requeueForReview(long caseId);

	/**
	 * @param status the case status
	 * @param accountRef the customer account the case is about
	 * @param reportType the harm (report type wire value)
	 * @param reportIds the case's reports, in order of id
	 */
	record AppealedCase(long id, CaseStatus status, String accountRef, String property, String reportType,
			List<Long> reportIds) {

		public AppealedCase {
			reportIds = List.copyOf(reportIds);
		}

	}

}
