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
	public boolean email(String idempotencyKey, String kind, long reportId, long caseId, String recipient,
			String subject, String body) {
		return this.outbox
			.enqueue(new OutboundMessage(idempotencyKey, kind, reportId, caseId, recipient, subject, body));
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
