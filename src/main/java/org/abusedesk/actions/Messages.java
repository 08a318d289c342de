package org.abusedesk.actions;

/**
 * Messages to people that no decision plan names (an appeal's outcome, a forwarded DMCA
 * counter-notice, a strike warning): queued in the outbox in the caller's transaction and
 * delivered after commit, at least once, like every other message.
 */
public interface Messages {

	/**
	 * Queues a message unless one with the same idempotency key exists.
	 * @return whether it was queued (false: it was queued before)
	 */
	boolean queue(Message message);

	/**
	 * @param idempotencyKey names the message once and for all; also its Message-ID
	 * @param kind {@code notify_reporter} (shown on the report's status page) or
	 * {@code notify_owner} (to the customer)
	 * @param reportId the report it concerns, or 0
	 * @param caseId the case it concerns, or 0
	 * @param recipient an email address
	 */
	record Message(String idempotencyKey, String kind, long reportId, long caseId, String recipient, String subject,
			String body) {
	}

}
