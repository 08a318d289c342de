package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.problems.FieldError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

/**
 * The text fields of the web form as submitted, and the API body they stand for. The form
 * is only another way to write that body: the same validator then reads it, so the form
 * and the API cannot disagree on what a valid report is.
 *
 * @param spec the report type's spec
 * @param values the submitted value of each form field, by form field name
 */
record ReportFormInput(TypeSpec spec, Map<String, String> values) {

	static final String EMAIL_CONFIRM = "email_confirm";

	private static final List<String> REPORTER_FIELDS = List.of("name", "email", "kind", "organisation", "country");

	/**
	 * The form's fields; anything else a client sends (such as {@code _csrf}) is ignored.
	 */
	static ReportFormInput of(TypeSpec spec, MultiValueMap<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : fieldNames(spec)) {
			String value = params.getFirst(name);
			if (value != null) {
				values.put(name, value);
			}
		}
		return new ReportFormInput(spec, values);
	}

	/** A form not yet filled in. */
	static ReportFormInput empty(TypeSpec spec) {
		return new ReportFormInput(spec, Map.of("reporter_kind", "individual"));
	}

	static List<String> fieldNames(TypeSpec spec) {
		List<String> names = new ArrayList<>();
		REPORTER_FIELDS.forEach((field) -> names.add("reporter_" + field));
		names.addAll(List.of(EMAIL_CONFIRM, "urls", "ips", "justification", "comments", "notify_host", "notify_owner",
				"notify_ncmec", "good_faith"));
		spec.fields().forEach((field) -> names.add(field.name()));
		return names;
	}

	String value(String name) {
		return this.values.getOrDefault(name, "");
	}

	/** The non-blank lines of a text area, as the API's list. */
	List<String> lines(String name) {
		return value(name).lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** The non-blank items of a comma-separated field, as the API's list. */
	List<String> items(String name) {
		return Arrays.stream(value(name).split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	/** The item an API path such as {@code urls[2]} speaks of, to name it on the form. */
	Optional<String> item(String name, int index) {
		List<String> list = switch (name) {
			case "urls", "ips" -> lines(name);
			default -> this.spec.fields()
				.stream()
				.filter((field) -> field.name().equals(name))
				.findFirst()
				.filter((field) -> field.kind() == FieldSpec.Kind.COUNTRY_LIST
						|| field.kind() == FieldSpec.Kind.PORT_LIST)
				.map((field) -> items(name))
				.orElse(List.of());
		};
		return (index < list.size()) ? Optional.of(list.get(index)) : Optional.empty();
	}

	/** Problems with the fields only the form has. */
	List<FieldError> errors() {
		String email = value("reporter_email").strip();
		if (!email.isEmpty() && !email.equals(value(EMAIL_CONFIRM).strip())) {
			return List.of(new FieldError(EMAIL_CONFIRM, "mismatch", "Type the same email address twice."));
		}
		return List.of();
	}

	/**
	 * The API body this form stands for. Blank fields are left out, as an API client
	 * would leave them out, so that the validator's "required" messages apply.
	 * @param document for a legal order, the uploaded order as the API's {@code document}
	 * object, or {@code null}
	 */
	ObjectNode toJson(ObjectNode document) {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		ObjectNode reporter = JsonNodeFactory.instance.objectNode();
		REPORTER_FIELDS.forEach((field) -> putText(reporter, field, value("reporter_" + field)));
		putText(reporter, "country", value("reporter_country").strip().toUpperCase(Locale.ROOT));
		boolean anonymous = REPORTER_FIELDS.stream()
			.filter((field) -> !field.equals("kind"))
			.allMatch((field) -> value("reporter_" + field).isBlank());
		if (!(this.spec.reporterOptional() && anonymous)) {
			root.set("reporter", reporter);
		}
		List<String> urls = lines("urls");
		List<String> ips = this.spec.addresses() ? lines("ips") : List.of();
		putList(root, "urls", urls);
		putList(root, "ips", ips);
		putText(root, "justification", value("justification"));
		putText(root, "comments", value("comments"));
		ObjectNode notify = root.putObject("notify");
		putText(notify, "host", value("notify_host"));
		putText(notify, "owner", value("notify_owner"));
		if (this.spec.ncmec()) {
			putText(notify, "ncmec", value("notify_ncmec"));
		}
		for (FieldSpec field : this.spec.fields()) {
			putField(root, field);
		}
		if (document != null) {
			root.set("document", document);
		}
		if (isChecked("good_faith")) {
			root.put("good_faith", true);
		}
		return root;
	}

	private void putField(ObjectNode root, FieldSpec field) {
		String name = field.name();
		String value = value(name).strip();
		switch (field.kind()) {
			case TEXT, TEXTAREA, CHOICE -> putText(root, name, value);
			case COUNTRY -> putText(root, name, value.toUpperCase(Locale.ROOT));
			case AFFIRMATION -> {
				if (isChecked(name)) {
					root.put(name, true);
				}
			}
			case BOOLEAN -> {
				if (value.equals("true") || value.equals("false")) {
					root.put(name, Boolean.parseBoolean(value));
				}
			}
			case COUNTRY_LIST ->
				putList(root, name, items(name).stream().map((code) -> code.toUpperCase(Locale.ROOT)).toList());
			case PORT_LIST -> {
				List<String> ports = items(name);
				if (!ports.isEmpty()) {
					ArrayNode array = root.putArray(name);
					// a number stays a number and anything else a string, so that the
					// validator names the bad item
					ports.forEach((port) -> {
						if (port.matches("[0-9]{1,9}")) {
							array.add(Integer.parseInt(port));
						}
						else {
							array.add(port);
						}
					});
				}
			}
		}
	}

	private boolean isChecked(String name) {
		return "true".equals(value(name));
	}

	private static void putText(ObjectNode node, String name, String value) {
		if (!value.isBlank()) {
			node.put(name, value);
		}
	}

	private static void putList(ObjectNode node, String name, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(name);
			values.forEach(array::add);
		}
	}

}
