package org.abusedesk.notifications;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The outbox, for modules that write their own messages (appeals, counter-notices,
 * strikes, referrals): queued in the caller's transaction, delivered after commit by the
 * outbox's connectors (SMTP, signed webhook), at least once, retried, and once only per
 * idempotency key.
 */
public interface Outbound {

	/**
	 * Queues an email unless one with the same idempotency key exists.
	 * @return whether it was queued now (false: it was queued before)
	 */
	boolean queue(Message message);

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

	/**
	 * Queues one signed webhook to every configured endpoint, each unless one with its
	 * idempotency key ({@code keyPrefix} and a hash of the endpoint) exists. The body is
	 * written only when an endpoint is configured.
	 * @return how many were queued now
	 */
	int webhookToAll(String keyPrefix, long caseId, String event, Supplier<String> body);

	/**
	 * The emails of one kind sent (or queued) about the cases of an account, newest
	 * first, as they were written.
	 * @param beforeId only messages with a smaller id (paging)
	 */
	List<Sent> sentToAccount(String accountRef, String kind, int limit, long beforeId);

	/**
	 * An email as the outbox holds it.
	 *
	 * @param status {@code pending}, {@code sent} or {@code failed}
	 */
	record Sent(long id, String status, Instant createdAt, Instant sentAt, long caseId, String subject, String body) {
	}

	/**
	 * An email to queue.
	 *
	 * @param idempotencyKey names the message once and for all; also its Message-ID
	 * @param kind the notification kind's wire value: {@code notify_reporter} (shown on
	 * the report's status page), {@code notify_owner} (to the customer),
	 * {@code law_enforcement_referral}, ...
	 * @param reportId the report it concerns (its audit stream records the delivery), or
	 * 0 for none
	 * @param caseId the case it concerns, or 0
	 * @param recipient an email address
	 */
	record Message(String idempotencyKey, String kind, long reportId, long caseId, String recipient, String subject,
			String body) {
	}

}
