package org.abusedesk.intake;

import java.time.Instant;
import java.util.List;

/**
 * The messages sent to the reporter of a report, for the status page. Implemented by the
 * module that sends them; never includes what went to the customer or the host.
 */
public interface ReporterMessages {

	List<Message> of(long reportId);

	/**
	 * @param subject the subject line
	 * @param body the text, with secrets redacted
	 * @param status {@code pending}, {@code sent} or {@code failed}
	 * @param queuedAt when it was written
	 * @param sentAt when it left, or {@code null}
	 */
	record Message(String subject, String body, String status, Instant queuedAt, Instant sentAt) {
	}

}
