package org.abusedesk.audit.internal;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one textual form of an entry's details that is hashed and stored: JSON with the
 * keys of every object sorted, no insignificant whitespace, {@code java.time} values as
 * ISO-8601 strings.
 * <p>
 * It owns its mapper instead of using the application's, so that changing the web API's
 * JSON settings can never change how new audit entries are written.
 */
final class CanonicalJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private CanonicalJson() {
	}

	/**
	 * Returns the canonical JSON of {@code details}; {@code null} is written as the empty
	 * object.
	 */
	static String of(Map<String, ?> details) {
		if (details == null) {
			return "{}";
		}
		return mapper.writeValueAsString(sorted(mapper.valueToTree(details)));
	}

	// Rebuilding the tree makes the order a property of this class rather than of a
	// mapper feature whose scope (maps only? POJOs? nodes?) differs between versions.
	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach((field) -> fields.put(field.getKey(), sorted(field.getValue())));
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			fields.forEach(result::set);
			return result;
		}
		if (node.isArray()) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			node.forEach((element) -> result.add(sorted(element)));
			return result;
		}
		return node;
	}

}
