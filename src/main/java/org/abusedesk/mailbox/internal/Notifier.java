package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;

/**
 * A known automated sender, as data: how its messages are recognised (sender, subject,
 * body) and read (reader and the fields that hold targets, type and details). Operators
 * add their own in the configuration or a file (docs/email-intake.md, "Known notifiers").
 *
 * @param name a short name, recorded with the message
 * @param sender its From address, or {@code @domain}; {@code null} for any sender
 * @param subject a regular expression the subject must contain, or {@code null}
 * @param body a regular expression the text must contain, or {@code null}
 * @param reporterKind the reporter kind its reports are filed as (wire value) once it is
 * trusted ({@code requireDkim})
 * @param defaultType the report type when its message does not say (wire value), or
 * {@code null}: then a person picks it
 * @param reader {@code xml}, {@code csv}, {@code key-value} or {@code text}
 * @param targets the fields (XML elements, optionally as {@code parent/child}, CSV
 * columns, keys) whose values are targets
 * @param typeField the field whose value names the abuse, or {@code null}
 * @param details report fields taken from the message: report field name to message
 * field; {@code reporter_name}, {@code reporter_email} and {@code organisation} name the
 * reporter
 * @param targetPatterns for the text reader: regular expressions whose first group is a
 * target (without any, every URL, host name and address in the text is one)
 * @param requireDkim its reporter kind counts only with a passing DKIM signature of the
 * sender's domain (its format is read either way)
 */
record Notifier(String name, String sender, String subject, String body, String reporterKind, String defaultType,
		String reader, List<String> targets, String typeField, Map<String, String> details, List<String> targetPatterns,
		boolean requireDkim) {

	/** The readers a notifier can use. */
	enum Reader {

		XML, CSV, KEY_VALUE, TEXT;

		static Reader of(String wire) {
			String key = (wire == null) ? "text" : wire.strip().toLowerCase(Locale.ROOT).replace('-', '_');
			for (Reader reader : values()) {
				if (reader.name().toLowerCase(Locale.ROOT).equals(key)) {
					return reader;
				}
			}
			throw new IllegalArgumentException("unknown notifier reader '" + wire + "' (xml, csv, key-value, text)");
		}

	}

	Notifier {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a notifier needs a name");
		}
		if (isBlank(sender) && isBlank(subject) && isBlank(body)) {
			throw new IllegalArgumentException("notifier " + name + " needs a sender, subject or body to match");
		}
		targets = (targets != null) ? targets.stream().map(Notifier::fieldKey).toList() : List.of();
		typeField = isBlank(typeField) ? null : fieldKey(typeField);
		details = (details != null) ? Map.copyOf(details) : Map.of();
		targetPatterns = (targetPatterns != null) ? List.copyOf(targetPatterns) : List.of();
		Reader.of(reader);
		if (!isBlank(reporterKind) && ReporterKind.fromWire(reporterKind).isEmpty()) {
			throw new IllegalArgumentException("notifier " + name + ": unknown reporter kind '" + reporterKind + "'");
		}
		if (!isBlank(defaultType) && ReportType.fromWire(defaultType).isEmpty()) {
			throw new IllegalArgumentException("notifier " + name + ": unknown report type '" + defaultType + "'");
		}
		// fail at start-up, not at the first message
		compile(subject);
		compile(body);
		targetPatterns.forEach(Notifier::compile);
	}

	Reader readerKind() {
		return Reader.of(this.reader);
	}

	Optional<ReportType> type() {
		return isBlank(this.defaultType) ? Optional.empty() : ReportType.fromWire(this.defaultType);
	}

	Optional<ReporterKind> kind() {
		return isBlank(this.reporterKind) ? Optional.empty() : ReporterKind.fromWire(this.reporterKind);
	}

	/**
	 * A field name as compared: per {@code /}-separated segment, lower case letters and
	 * digits ({@code IP_Address} and {@code ip-address} are one).
	 */
	static String fieldKey(String field) {
		StringBuilder key = new StringBuilder();
		for (String segment : field.split("/")) {
			if (!key.isEmpty()) {
				key.append('/');
			}
			key.append(ReportTypeMapping.key(segment));
		}
		return key.toString();
	}

	static Pattern compile(String regex) {
		return isBlank(regex) ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
