package org.abusedesk.cases;

import java.time.Instant;

/**
 * A mitigation's review date has passed: its case goes back to the review queue, where
 * staff keep, extend, end or lift it. Published by the mitigations (module
 * {@code actions}) once per review date, in the transaction that recorded it; it lives
 * here because {@code actions} depends on {@code cases}, not the other way round.
 *
 * @param caseId the case the mitigation belongs to
 * @param mitigationId the mitigation to review
 * @param reviewAt the review date that passed
 */
public record MitigationReviewDue(long caseId, long mitigationId, Instant reviewAt) {

}
