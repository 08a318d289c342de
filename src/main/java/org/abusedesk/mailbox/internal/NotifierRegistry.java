package org.abusedesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The known notifiers, first match wins: the operator's own (configuration, then their
 * file) before the ones shipped in {@code mailbox/notifiers.yaml}, so that an operator
 * can override a shipped one by matching the same messages.
 */
final class NotifierRegistry {

	/** The notifiers shipped with abusedesk. */
	static final String SHIPPED = "/mailbox/notifiers.yaml";

	/** How much text a body pattern is matched against. */
	private static final int BODY_WINDOW = 64 * 1024;

	private final List<Compiled> notifiers;

	private record Compiled(Notifier notifier, Pattern subject, Pattern body) {

	}

	NotifierRegistry(List<Notifier> notifiers) {
		this.notifiers = notifiers.stream()
			.map((notifier) -> new Compiled(notifier, Notifier.compile(notifier.subject()),
					Notifier.compile(notifier.body())))
			.toList();
	}

	/** The shipped notifiers only. */
	static NotifierRegistry shipped() {
		return new NotifierRegistry(load(NotifierRegistry.class.getResourceAsStream(SHIPPED), SHIPPED));
	}

	/** The operator's notifiers, then the shipped ones. */
	static NotifierRegistry of(List<Notifier> configured, List<Notifier> fromFile) {
		List<Notifier> all = new ArrayList<>(configured);
		all.addAll(fromFile);
		all.addAll(shipped().all());
		return new NotifierRegistry(all);
	}

	List<Notifier> all() {
		return this.notifiers.stream().map(Compiled::notifier).toList();
	}

	Optional<Notifier> named(String name) {
		return all().stream().filter((notifier) -> notifier.name().equals(name)).findFirst();
	}

	/** The first notifier whose every given criterion matches the message. */
	Optional<Notifier> match(MailView mail, String fromAddress) {
		String text = null;
		for (Compiled compiled : this.notifiers) {
			Notifier notifier = compiled.notifier();
			if (notifier.sender() != null && !notifier.sender().isBlank()
					&& !senderMatches(notifier.sender(), fromAddress)) {
				continue;
			}
			if (compiled.subject() != null
					&& (mail.subject() == null || !compiled.subject().matcher(mail.subject()).find())) {
				continue;
			}
			if (compiled.body() != null) {
				if (text == null) {
					text = text(mail);
				}
				if (!compiled.body().matcher(text).find()) {
					continue;
				}
			}
			return Optional.of(notifier);
		}
		return Optional.empty();
	}

	private static String text(MailView mail) {
		StringBuilder text = new StringBuilder();
		for (MailPart part : mail.parts()) {
			if (part.isText() || part.baseType().contains("xml")) {
				text.append(part.text()).append('\n');
				if (text.length() >= BODY_WINDOW) {
					return text.substring(0, BODY_WINDOW);
				}
			}
		}
		return text.toString();
	}

	static boolean senderMatches(String configured, String fromAddress) {
		if (fromAddress == null) {
			return false;
		}
		String address = fromAddress.toLowerCase(Locale.ROOT);
		String wanted = configured.strip().toLowerCase(Locale.ROOT);
		return wanted.startsWith("@") ? address.endsWith(wanted) : address.equals(wanted);
	}

	/**
	 * Reads notifiers from a YAML list (the shape of {@code mailbox/notifiers.yaml}).
	 * @throws IllegalStateException when the file is not such a list or a notifier is
	 * invalid, naming the source
	 */
	static List<Notifier> load(InputStream in, String source) {
		if (in == null) {
			throw new IllegalStateException("no notifier file " + source);
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(0);
		Object document;
		try (in) {
			document = new Yaml(new SafeConstructor(options)).load(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("cannot read the notifiers in " + source + ": " + ex.getMessage(), ex);
		}
		if (document instanceof Map<?, ?> map && map.get("notifiers") != null) {
			document = map.get("notifiers");
		}
		if (!(document instanceof List<?> list)) {
			throw new IllegalStateException("the notifier file " + source + " must hold a list of notifiers");
		}
		List<Notifier> notifiers = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> fields)) {
				throw new IllegalStateException("a notifier in " + source + " is not a map: " + item);
			}
			try {
				notifiers.add(notifier(fields));
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("invalid notifier in " + source + ": " + ex.getMessage(), ex);
			}
		}
		return notifiers;
	}

	private static Notifier notifier(Map<?, ?> raw) {
		Map<String, Object> fields = new LinkedHashMap<>();
		raw.forEach((key, value) -> fields.put(ReportTypeMapping.key(String.valueOf(key)), value));
		Map<String, String> details = new LinkedHashMap<>();
		if (fields.get("details") instanceof Map<?, ?> map) {
			map.forEach((key, value) -> details.put(String.valueOf(key), String.valueOf(value)));
		}
		return new Notifier(string(fields, "name"), string(fields, "sender"), string(fields, "subject"),
				string(fields, "body"), string(fields, "reporterkind"), string(fields, "defaulttype"),
				string(fields, "reader"), strings(fields, "targets"), string(fields, "typefield"), details,
				strings(fields, "targetpatterns"), Boolean.parseBoolean(String.valueOf(fields.get("requiredkim"))));
	}

	private static String string(Map<String, Object> fields, String key) {
		Object value = fields.get(key);
		return (value != null) ? String.valueOf(value) : null;
	}

	private static List<String> strings(Map<String, Object> fields, String key) {
		Object value = fields.get(key);
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return (value != null) ? List.of(String.valueOf(value)) : List.of();
	}

}
