package org.abusedesk.notifications.internal;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file sent with a notice (an X-ARF report, feedback report fields), as the outbox
 * keeps it: a JSON list in {@code outbox_message.attachments}.
 */
record Attachment(String filename, String contentType, String content) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Stored(String filename, String content_type, String content) {

	}

	static String toJson(List<Attachment> attachments) {
		if (attachments.isEmpty()) {
			return null;
		}
		return JSON.writeValueAsString(
				attachments.stream().map((a) -> new Stored(a.filename(), a.contentType(), a.content())).toList());
	}

	static List<Attachment> fromJson(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		List<Stored> stored = JSON.readValue(json, new TypeReference<List<Stored>>() {
		});
		return stored.stream().map((s) -> new Attachment(s.filename(), s.content_type(), s.content())).toList();
	}

}
