package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.catalog.EmailAddresses;
import org.abusedesk.intake.ReportType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * X-ARF in every generation: the YAML report part of {@code X-ARF: yes} messages, JSON v1
 * to v3 and v4, in an attachment ({@code report.txt}, {@code xarf.json}, ...) or in the
 * body. Keys are compared without case and punctuation ({@code Source-IP},
 * {@code SourceIp} and {@code source_ip} are one), because senders spell them every way.
 */
final class XarfReader implements FormatReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern YAML_REPORT = Pattern
		.compile("(?im)^[ \\t]*(Reported[-_ ]?From|Report[-_ ]?Type|Category|Source[-_ ]?Type|X-ARF)[ \\t]*:");

	private static final List<String> TARGET_KEYS = List.of("sourceidentifier", "sourceip", "source", "ip", "url",
			"uri", "reporteddomain", "domain");

	private static final List<String> EVIDENCE_KEYS = List.of("date", "timestamp", "port", "sourceport", "protocol",
			"service", "attackdescription", "attackcount", "smtpmailfromaddress", "smtpmessagesubject", "description",
			"useragent", "evidencesource");

	@Override
	public Optional<Reading> read(MailView mail, TargetExtractor targets, List<String> problems) {
		boolean yamlAllowed = mail.headerIs("X-ARF", "yes");
		for (MailPart part : candidates(mail)) {
			String text = part.text().strip();
			if (text.startsWith("\uFEFF")) {
				text = text.substring(1).strip();
			}
			Optional<Reading> reading = text.startsWith("{") ? json(text, mail, targets, problems)
					: (yamlAllowed || YAML_REPORT.matcher(text).find()) ? yaml(text, mail, targets, problems)
							: Optional.empty();
			if (reading.isPresent()) {
				return reading;
			}
		}
		return Optional.empty();
	}

	/** Named report attachments first, then the other text parts. */
	private static List<MailPart> candidates(MailView mail) {
		List<MailPart> named = new ArrayList<>();
		List<MailPart> others = new ArrayList<>();
		for (MailPart part : mail.parts()) {
			if (part.hasFileName(".*\\.(json|txt|ya?ml)")) {
				named.add(part);
			}
			else if (part.isText()) {
				others.add(part);
			}
		}
		named.addAll(others);
		return named;
	}

	private Optional<Reading> json(String text, MailView mail, TargetExtractor targets, List<String> problems) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			problems.add("a JSON part is not valid JSON");
			return Optional.empty();
		}
		if (root == null || !root.isObject()) {
			return Optional.empty();
		}
		Map<String, List<String>> flat = new LinkedHashMap<>();
		flattenJson(root, null, flat, 0);
		if (!looksLikeXarf(flat)) {
			return Optional.empty();
		}
		return Optional.of(reading(jsonFormat(flat, root), flat, mail, targets, problems));
	}

	private Optional<Reading> yaml(String text, MailView mail, TargetExtractor targets, List<String> problems) {
		LoaderOptions options = new LoaderOptions();
		// a report needs no aliases; refusing them keeps "billion laughs" out
		options.setMaxAliasesForCollections(0);
		options.setAllowDuplicateKeys(true);
		options.setNestingDepthLimit(20);
		options.setCodePointLimit(1024 * 1024);
		Object document;
		try {
			document = new Yaml(new SafeConstructor(options)).load(text);
		}
		catch (RuntimeException ex) {
			document = null;
		}
		Map<String, List<String>> flat = new LinkedHashMap<>();
		if (document instanceof Map<?, ?> map) {
			flattenYaml(map, flat, 0);
		}
		if (!looksLikeXarf(flat)) {
			// mail systems mangle it: tabs, indented or run-together lines, no space
			// after
			// the colon, prose around the fields; read it as Key: value lines
			flat = fieldLines(text);
			if (!looksLikeXarf(flat)) {
				return Optional.empty();
			}
			problems.add("the X-ARF report is not valid YAML; read as Key: value lines");
		}
		return Optional.of(reading(MailFormat.XARF_YAML, flat, mail, targets, problems));
	}

	/** {@code Key: value} lines, whatever their indentation, keys compared as always. */
	static Map<String, List<String>> fieldLines(String text) {
		StringBuilder unindented = new StringBuilder(text.length());
		text.lines().limit(10_000).forEach((line) -> unindented.append(line.strip()).append('\n'));
		FieldBlock block = FieldBlock.parse(unindented.toString());
		Map<String, List<String>> flat = new LinkedHashMap<>();
		for (String name : block.names()) {
			List<String> values = new ArrayList<>();
			for (String value : block.all(name)) {
				String unquoted = value.strip().replaceAll("^[\"']|[\"']$", "");
				if (!unquoted.isEmpty()) {
					values.add(unquoted);
				}
			}
			if (!values.isEmpty()) {
				flat.computeIfAbsent(ReportTypeMapping.key(name), (key) -> new ArrayList<>()).addAll(values);
			}
		}
		return flat;
	}

	private static boolean looksLikeXarf(Map<String, List<String>> flat) {
		boolean described = flat.containsKey("category") || flat.containsKey("reporttype") || flat.containsKey("type")
				|| flat.containsKey("reportclass");
		boolean aimed = TARGET_KEYS.stream().anyMatch(flat::containsKey);
		return described && (aimed || flat.containsKey("xarfversion") || flat.containsKey("reportedfrom"));
	}

	/**
	 * v4 says {@code xarf_version: 4.x.y}; v3 says {@code Version: 3} and nests
	 * ReporterInfo/Report; earlier JSON carries the flat X-ARF keys with {@code Version}
	 * 0.1 or 0.2 (or 1, 2).
	 */
	private static MailFormat jsonFormat(Map<String, List<String>> flat, JsonNode root) {
		String xarfVersion = first(flat, "xarfversion");
		if (xarfVersion != null && xarfVersion.startsWith("4")) {
			return MailFormat.XARF_V4;
		}
		String version = first(flat, "version");
		if (version != null) {
			if (version.startsWith("4")) {
				return MailFormat.XARF_V4;
			}
			if (version.startsWith("3")) {
				return MailFormat.XARF_JSON_V3;
			}
			if (version.equals("2") || version.startsWith("0.2") || version.startsWith("2.")) {
				return MailFormat.XARF_JSON_V2;
			}
			if (version.equals("1") || version.startsWith("0.1") || version.startsWith("1.")) {
				return MailFormat.XARF_JSON_V1;
			}
		}
		boolean nested = root.has("Report") || root.has("ReporterInfo") || root.has("report");
		return nested ? MailFormat.XARF_JSON_V3 : MailFormat.XARF_JSON_V1;
	}

	private static Reading reading(MailFormat format, Map<String, List<String>> flat, MailView mail,
			TargetExtractor targets, List<String> problems) {
		String eventType = firstOf(flat, "type", "reporttype");
		String category = firstOf(flat, "category", "reportclass");
		ReportType type = ReportTypeMapping.of(eventType).or(() -> ReportTypeMapping.of(category)).orElseGet(() -> {
			problems.add("unknown X-ARF category '" + category + "' / type '" + eventType + "'; taken as general");
			return ReportType.GENERAL;
		});
		for (String key : TARGET_KEYS) {
			flat.getOrDefault(key, List.of()).forEach((value) -> targets.addValue(value, type));
		}
		String organisation = firstOf(flat, "reporterorg");
		String email = firstOf(flat, "reporterorgemail", "reportercontact", "reportedfrom");
		if (email != null && !EmailAddresses.isValid(email.strip())) {
			email = null;
		}
		StringBuilder evidence = new StringBuilder();
		evidence.append("X-ARF category: ").append(category).append(", type: ").append(eventType).append('\n');
		for (String key : EVIDENCE_KEYS) {
			flat.getOrDefault(key, List.of())
				.forEach((value) -> evidence.append(key)
					.append(": ")
					.append(TargetExtractor.excerpt(value))
					.append('\n'));
		}
		String human = mail.humanText().strip();
		if (!human.isEmpty() && !human.startsWith("{")) {
			evidence.append('\n').append(human, 0, Math.min(human.length(), 1500));
		}
		String label = (eventType != null) ? eventType : category;
		return new Reading(format, label, organisation, email, organisation, targets.targets(), evidence.toString());
	}

	private static String firstOf(Map<String, List<String>> flat, String... keys) {
		for (String key : keys) {
			String value = first(flat, key);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String first(Map<String, List<String>> flat, String key) {
		List<String> values = flat.get(key);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static void flattenJson(JsonNode node, String key, Map<String, List<String>> flat, int depth) {
		if (depth > 20) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				flattenJson(entry.getValue(), scoped(key, ReportTypeMapping.key(entry.getKey())), flat, depth + 1);
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				flattenJson(item, key, flat, depth + 1);
			}
		}
		else if (key != null && !node.isNull() && !key.equals("payload")) {
			flat.computeIfAbsent(key, (k) -> new ArrayList<>()).add(node.asString());
		}
	}

	/**
	 * Who reports is not what is reported: the reporter's and sender's own domain and
	 * contact keep their owner in the key ({@code reporterdomain}), so they never become
	 * targets.
	 */
	private static String scoped(String parent, String key) {
		if (parent == null || key.startsWith("reporter")) {
			return key;
		}
		if (parent.equals("reporter") || parent.equals("reporterinfo")) {
			return "reporter" + key;
		}
		return parent.equals("sender") ? "sender" + key : key;
	}

	private static void flattenYaml(Object node, Map<String, List<String>> flat, int depth) {
		if (depth > 20) {
			return;
		}
		if (node instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = ReportTypeMapping.key(String.valueOf(entry.getKey()));
				Object value = entry.getValue();
				if (value instanceof Map<?, ?>) {
					flattenYaml(value, flat, depth + 1);
				}
				else if (value instanceof List<?> list) {
					for (Object item : list) {
						if (item instanceof Map<?, ?>) {
							flattenYaml(item, flat, depth + 1);
						}
						else if (item != null) {
							flat.computeIfAbsent(key, (k) -> new ArrayList<>()).add(String.valueOf(item));
						}
					}
				}
				else if (value != null) {
					flat.computeIfAbsent(key, (k) -> new ArrayList<>()).add(String.valueOf(value));
				}
			}
		}
		else if (node instanceof List<?> list) {
			list.forEach((item) -> flattenYaml(item, flat, depth + 1));
		}
	}

}
