package org.abusedesk.mitigations.internal;

import org.abusedesk.notifications.Outbound;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.mitigations.Mitigations.Mitigation;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Queues one signed webhook per mitigation change and configured endpoint, in the
 * changing transaction: the change and its webhooks commit together or not at all. The
 * idempotency key names the change number, so each change is posted once per endpoint.
 */
@Component
class MitigationWebhooks {

	private final Outbound outbound;

	private final ObjectMapper json;

	MitigationWebhooks(Outbound outbound, ObjectMapper json) {
		this.outbound = outbound;
		this.json = json;
	}

	void changed(Mitigation mitigation, String event) {
		this.outbound.webhookToAll("mitigation:" + mitigation.id() + ":change:" + mitigation.changeSeq(),
				mitigation.caseId(), event, () -> {
					Map<String, Object> payload = new LinkedHashMap<>();
					payload.put("event", event);
					payload.put("mitigation", MitigationView.of(mitigation));
					return this.json.writeValueAsString(payload);
				});
	}

}
