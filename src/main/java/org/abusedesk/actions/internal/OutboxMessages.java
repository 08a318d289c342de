package org.abusedesk.actions.internal;

import org.abusedesk.actions.Messages;

import org.springframework.stereotype.Component;

/** {@link Messages} through the outbox table. */
@Component
class OutboxMessages implements Messages {

	private final Outbox outbox;

	OutboxMessages(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public boolean queue(Message message) {
		return this.outbox.enqueue(new OutboundMessage(message.idempotencyKey(), message.kind(), message.reportId(),
				message.caseId(), message.recipient(), message.subject(), message.body()));
	}

}
