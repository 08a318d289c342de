package org.abusedesk.actions.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.actions.Mitigations.Mitigation;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Queues one signed webhook per mitigation change and configured endpoint, in the
 * changing transaction: the change and its webhooks commit together or not at all. The
 * idempotency key names the change number, so each change is posted once per endpoint.
 */
@Component
class MitigationWebhooks {

	private final Outbox outbox;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	MitigationWebhooks(Outbox outbox, WebhookProperties properties, ObjectMapper json) {
		this.outbox = outbox;
		this.properties = properties;
		this.json = json;
	}

	void changed(Mitigation mitigation, String event) {
		if (this.properties.endpoints().isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", event);
		payload.put("mitigation", MitigationView.of(mitigation));
		String body = this.json.writeValueAsString(payload);
		for (WebhookProperties.Endpoint endpoint : this.properties.endpoints()) {
			String key = "mitigation:" + mitigation.id() + ":change:" + mitigation.changeSeq() + ":"
					+ OutboxDispatcher.messageId(endpoint.url()).substring(1, 17);
			this.outbox.enqueueWebhook(key, mitigation.caseId(), endpoint.url(), event, body);
		}
	}

}
