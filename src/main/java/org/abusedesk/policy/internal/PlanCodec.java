package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Proposed mitigations as stored in {@code decision.mitigations}: wire values and
 * seconds, independent of how Jackson happens to be configured.
 */
final class PlanCodec {

	private PlanCodec() {
	}

	static String write(ObjectMapper json, List<ProposedMitigation> mitigations) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ProposedMitigation mitigation : mitigations) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("type", mitigation.type().wire());
			row.put("entity_type", mitigation.entityType().wire());
			row.put("territorial_scope", mitigation.territorialScope());
			row.put("effective_after_seconds", mitigation.effectiveAfter().toSeconds());
			row.put("expires_after_seconds",
					(mitigation.expiresAfter() != null) ? mitigation.expiresAfter().toSeconds() : null);
			row.put("review_after_seconds",
					(mitigation.reviewAfter() != null) ? mitigation.reviewAfter().toSeconds() : null);
			rows.add(row);
		}
		return json.writeValueAsString(rows);
	}

	static List<ProposedMitigation> read(ObjectMapper json, String text) {
		List<ProposedMitigation> mitigations = new ArrayList<>();
		for (JsonNode row : json.readTree(text)) {
			List<String> scope = new ArrayList<>();
			row.get("territorial_scope").forEach((code) -> scope.add(code.asString()));
			mitigations.add(new ProposedMitigation(MitigationType.fromWire(row.get("type").asString()).orElseThrow(),
					EntityType.fromWire(row.get("entity_type").asString()).orElseThrow(), scope,
					Duration.ofSeconds(row.get("effective_after_seconds").asLong()),
					seconds(row.get("expires_after_seconds")), seconds(row.get("review_after_seconds"))));
		}
		return List.copyOf(mitigations);
	}

	private static Duration seconds(JsonNode node) {
		return (node == null || node.isNull()) ? null : Duration.ofSeconds(node.asLong());
	}

}
