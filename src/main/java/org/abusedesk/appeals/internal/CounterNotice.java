package org.abusedesk.appeals.internal;

import java.time.Instant;

/**
 * A counter-notice as stored.
 *
 * @param status {@code waiting} (for its restoration), {@code restored} or
 * {@code action_filed} (the complainant told us of a court action: nothing is restored)
 */
record CounterNotice(long id, long caseId, long mitigationId, String accountRef, CounterNoticeForm form, String status,
		Instant filedAt, Instant restoreAt, Instant restoredAt, Instant actionFiledAt, String actionReference) {

}
