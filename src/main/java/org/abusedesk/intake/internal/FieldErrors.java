package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of a JSON object, collecting a {@link FieldError} per problem.
 */
final class FieldErrors {

	private final List<FieldError> list = new ArrayList<>();

	void add(String field, String code, String message) {
		this.list.add(new FieldError(field, code, message));
	}

	/** Whether a problem was found with this field or one of its items. */
	boolean has(String field) {
		return this.list.stream()
			.anyMatch((error) -> error.field().equals(field) || error.field().startsWith(field + "[")
					|| error.field().startsWith(field + "."));
	}

	void unknownFields(JsonNode node, String prefix, Set<String> allowed) {
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				add(prefix + name, "unknown_field", "This field is not part of the report.");
			}
		}
	}

	String text(JsonNode parent, String name, String prefix, boolean required, int maxLength) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			if (required) {
				add(prefix + name, "required", "This field is required.");
			}
			return null;
		}
		if (!node.isString()) {
			add(prefix + name, "invalid_type", "This field must be a string.");
			return null;
		}
		String value = node.stringValue().strip();
		if (required && value.isEmpty()) {
			add(prefix + name, "required", "This field is required.");
			return null;
		}
		if (value.length() > maxLength) {
			add(prefix + name, "too_long", "At most " + maxLength + " characters.");
			return null;
		}
		if (value.indexOf('\0') >= 0) {
			add(prefix + name, "invalid_character", "Text may not contain the NUL character (U+0000).");
			return null;
		}
		if (hasLoneSurrogate(value)) {
			add(prefix + name, "invalid_character",
					"Text may not contain a lone surrogate (half of a character, such as \\ud800).");
			return null;
		}
		return value.isEmpty() ? null : value;
	}

	<T> T choice(JsonNode parent, String name, String prefix, Function<String, Optional<T>> parser) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			add(prefix + name, "required", "This field is required.");
			return null;
		}
		if (!node.isValueNode()) {
			// a list or an object has no text to quote
			add(prefix + name, "invalid_type", "This field must be a string.");
			return null;
		}
		Optional<T> value = node.isString() ? parser.apply(node.stringValue()) : Optional.empty();
		if (value.isEmpty()) {
			add(prefix + name, "invalid", "'" + node.asString() + "' is not one of the allowed values.");
			return null;
		}
		return value.get();
	}

	Boolean affirmation(JsonNode parent, String name, String label) {
		JsonNode node = parent.get(name);
		if (node == null || !node.isBoolean() || !node.booleanValue()) {
			add(name, "required", "Affirm this statement: " + label + ".");
			return null;
		}
		return Boolean.TRUE;
	}

	Boolean bool(JsonNode parent, String name, boolean required) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			if (required) {
				add(name, "required", "Answer yes or no (true or false).");
			}
			return null;
		}
		if (!node.isBoolean()) {
			add(name, "invalid_type", "Answer true or false.");
			return null;
		}
		return node.booleanValue();
	}

	String oneOf(JsonNode parent, String name, boolean required, List<String> choices) {
		String value = text(parent, name, "", required, 100);
		if (value != null && !choices.contains(value)) {
			add(name, "invalid", "Choose one of " + choices + ".");
			return null;
		}
		return value;
	}

	String country(JsonNode parent, String name, boolean required, Set<String> countries) {
		String value = text(parent, name, "", required, 2);
		if (value != null && !countries.contains(value)) {
			add(name, "invalid", "Use an ISO 3166-1 alpha-2 country code such as DE or US.");
			return null;
		}
		return value;
	}

	List<String> countries(JsonNode parent, String name, boolean required, Set<String> countries) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			if (required) {
				add(name, "required", "Name at least one country.");
			}
			return null;
		}
		if (!node.isArray()) {
			add(name, "invalid_type", "Give a list of country codes.");
			return null;
		}
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String code = item.isString() ? item.stringValue().strip() : "";
			if (!(countries.contains(code) || "EU".equals(code))) {
				add(name + "[" + i + "]", "invalid", "Use an ISO 3166-1 alpha-2 country code, or EU.");
			}
			else if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	List<Integer> ports(JsonNode parent, String name, boolean required) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			if (required) {
				add(name, "required", "Give at least one port.");
			}
			return null;
		}
		if (!node.isArray() || node.size() > 100) {
			add(name, "invalid", "Give a list of at most 100 port numbers.");
			return null;
		}
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			if (!item.isInt() || item.intValue() < 0 || item.intValue() > 65535) {
				add(name + "[" + i + "]", "invalid", "A port is a number from 0 to 65535.");
			}
			else {
				ports.add(item.intValue());
			}
		}
		return ports;
	}

	void throwIfAny() {
		if (!this.list.isEmpty()) {
			throw new InvalidInputException(this.list);
		}
	}

	/** JSON may escape half of a UTF-16 pair ({@code "\\ud800"}); no text has one. */
	static boolean hasLoneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
