package org.abusedesk.actions;

/**
 * The outbox, for modules that write their own messages (the referrals): queued in the
 * caller's transaction, delivered after commit by the outbox's connectors (SMTP, signed
 * webhook), at least once, retried, and once only per idempotency key.
 */
public interface Outbound {

	/**
	 * Queues an email unless one with the same idempotency key exists.
	 * @param kind the notification kind's wire value, e.g.
	 * {@code law_enforcement_referral}
	 * @param reportId the report it is about (its audit stream records the delivery)
	 * @return whether it was queued now
	 */
	boolean email(String idempotencyKey, String kind, long reportId, long caseId, String recipient, String subject,
			String body);

	/**
	 * Queues a signed webhook unless one with the same idempotency key exists.
	 * @param url one of the configured webhook endpoints ({@code abusedesk.webhooks}),
	 * whose secret signs it
	 * @param event what it says, e.g. {@code referral.law_enforcement}
	 * @param body the JSON to post
	 * @return whether it was queued now
	 */
	boolean webhook(String idempotencyKey, long caseId, String url, String event, String body);

	/** Whether {@code url} is a configured webhook endpoint. */
	boolean webhookConfigured(String url);

}
