package org.abusedesk.notifications.internal;

import java.util.List;
import java.util.function.Supplier;

import org.abusedesk.notifications.Outbound;

import org.springframework.stereotype.Component;

/** {@link Outbound} on the outbox table. */
@Component
class OutboundQueue implements Outbound {

	private final Outbox outbox;

	private final WebhookProperties webhooks;

	OutboundQueue(Outbox outbox, WebhookProperties webhooks) {
		this.outbox = outbox;
		this.webhooks = webhooks;
	}

	@Override
	public boolean queue(Message message) {
		return this.outbox.enqueue(new OutboundMessage(message.idempotencyKey(), message.kind(),
				(message.reportId() != 0) ? message.reportId() : null, message.caseId(), message.recipient(),
				message.subject(), message.body()));
	}

	@Override
	public boolean webhook(String idempotencyKey, long caseId, String url, String event, String body) {
		if (!webhookConfigured(url)) {
			throw new IllegalArgumentException("Not a configured webhook endpoint: " + url);
		}
		return this.outbox.enqueueWebhook(idempotencyKey, caseId, url, event, body);
	}

	@Override
	public boolean webhookConfigured(String url) {
		return this.webhooks.endpoint(url).isPresent();
	}

	@Override
	public int webhookToAll(String keyPrefix, long caseId, String event, Supplier<String> body) {
		int queued = 0;
		String written = null;
		for (WebhookProperties.Endpoint endpoint : this.webhooks.endpoints()) {
			if (written == null) {
				written = body.get();
			}
			String key = keyPrefix + ":" + OutboxDispatcher.messageId(endpoint.url()).substring(1, 17);
			if (this.outbox.enqueueWebhook(key, caseId, endpoint.url(), event, written)) {
				queued++;
			}
		}
		return queued;
	}

	@Override
	public List<Sent> sentToAccount(String accountRef, String kind, int limit, long beforeId) {
		return this.outbox.toAccount(accountRef, kind, limit, beforeId)
			.stream()
			.map((row) -> new Sent(row.id(), row.status(), row.createdAt(), row.sentAt(),
					(row.caseId() != null) ? row.caseId() : 0, row.subject(), row.body()))
			.toList();
	}

}
