package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Name: value} lines with continuation lines, as in a feedback report or a
 * header block, tolerating every line ending and stray text between the fields.
 */
final class FieldBlock {

	private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:[ \\t]?(.*)$");

	private final Map<String, List<String>> fields = new LinkedHashMap<>();

	private FieldBlock() {
	}

	static FieldBlock parse(String text) {
		FieldBlock block = new FieldBlock();
		List<String> last = null;
		for (String line : text.split("\r\n|\r|\n", -1)) {
			if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
				int index = last.size() - 1;
				last.set(index, last.get(index) + " " + line.strip());
				continue;
			}
			Matcher matcher = FIELD.matcher(line);
			if (matcher.matches()) {
				last = block.fields.computeIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT),
						(name) -> new ArrayList<>());
				last.add(matcher.group(2).strip());
			}
			else {
				last = null;
			}
		}
		return block;
	}

	String first(String name) {
		List<String> values = all(name);
		return values.isEmpty() ? null : values.get(0);
	}

	List<String> all(String name) {
		return this.fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	/** The field names, lower case, in the order first seen. */
	java.util.Set<String> names() {
		return this.fields.keySet();
	}

	boolean has(String name) {
		return this.fields.containsKey(name.toLowerCase(Locale.ROOT));
	}

}
