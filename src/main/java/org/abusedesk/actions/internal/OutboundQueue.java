package org.abusedesk.actions.internal;

import org.abusedesk.actions.Outbound;

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

}
