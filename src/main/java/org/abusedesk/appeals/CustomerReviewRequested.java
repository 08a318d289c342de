package org.abusedesk.appeals;

/**
 * A customer asked for a review of a mitigation on their account: the case goes back to
 * the review queue. Published by the mitigations (module {@code actions}) in the
 * transaction that recorded the request (the mitigation stays in force until staff
 * decide; a pending one that is not a legal, emergency or CSAM block is cancelled); it
 * lives here because {@code actions} depends on {@code cases}, not the other way round.
 *
 * @param caseId the case the mitigation belongs to
 * @param mitigationId the contested mitigation
 * @param reason {@code removed} (the customer removed the content) or
 * {@code misclassified}
 * @param comment the customer's words, or {@code null}
 */
public record CustomerReviewRequested(long caseId, long mitigationId, AppealReason reason, String comment) {

}
