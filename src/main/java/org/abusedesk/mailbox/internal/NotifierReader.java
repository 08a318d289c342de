package org.abusedesk.mailbox.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reads a message of a known notifier with the reader its entry names: XML elements, CSV
 * columns, {@code Key: value} lines or patterns in free text. The fields are those of the
 * notifier's entry ({@link Notifier}); what the entry does not name is evidence only.
 */
final class NotifierReader implements FormatReader {

	private static final Pattern XML_START = Pattern.compile("<\\?xml|<([A-Za-z_][\\w.:-]*)[\\s>]");

	private static final int MAX_XML_CHARS = 5 * 1024 * 1024;

	private static final int EVIDENCE_CHARS = 3000;

	private final Notifier notifier;

	NotifierReader(Notifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public Optional<Reading> read(MailView mail, TargetExtractor targets, List<String> problems) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<Map<String, String>> rows = new ArrayList<>();
		switch (this.notifier.readerKind()) {
			case XML -> xml(mail, problems).ifPresent((root) -> collect(root, null, fields, 0));
			case CSV -> csv(mail, rows, problems);
			case KEY_VALUE -> keyValues(mail, fields);
			case TEXT -> {
				// the patterns below read the text itself
			}
		}
		ReportType fallback = this.notifier.type().orElse(null);
		ReportType messageType = typeOf(first(fields, this.notifier.typeField())).orElse(fallback);
		for (String field : this.notifier.targets()) {
			fields.getOrDefault(field, List.of()).forEach((value) -> targets.addValue(value.strip(), messageType));
		}
		for (Map<String, String> row : rows) {
			ReportType rowType = typeOf(row.get(this.notifier.typeField())).orElse(fallback);
			for (String field : this.notifier.targets()) {
				String value = row.get(field);
				if (value != null && !value.isBlank()) {
					targets.addValue(value.strip(), rowType);
				}
			}
		}
		String text = allText(mail);
		for (String regex : this.notifier.targetPatterns()) {
			Matcher matcher = Notifier.compile(regex).matcher(text);
			while (matcher.find()) {
				if (matcher.groupCount() >= 1 && matcher.group(1) != null) {
					targets.addValue(TargetExtractor.refang(matcher.group(1).strip()), messageType);
				}
			}
		}
		if (this.notifier.readerKind() == Notifier.Reader.TEXT && this.notifier.targetPatterns().isEmpty()) {
			targets.addFromText(text, messageType);
		}
		Map<String, String> details = new LinkedHashMap<>();
		this.notifier.details().forEach((name, field) -> {
			String value = first(fields, Notifier.fieldKey(field));
			if (value != null && !value.isBlank()) {
				details.put(name, value.strip());
			}
		});
		String reporterName = details.remove("reporter_name");
		String reporterEmail = details.remove("reporter_email");
		String organisation = details.remove("organisation");
		if (targets.targets().isEmpty()) {
			problems.add("a message of notifier " + this.notifier.name() + " named no target in its fields");
		}
		StringBuilder evidence = new StringBuilder();
		evidence.append("Notifier: ").append(this.notifier.name()).append('\n');
		if (mail.subject() != null) {
			evidence.append("Subject: ").append(mail.subject()).append('\n');
		}
		details.forEach((name,
				value) -> evidence.append(name).append(": ").append(TargetExtractor.excerpt(value)).append('\n'));
		evidence.append('\n').append(text.strip());
		String excerpt = (evidence.length() > EVIDENCE_CHARS) ? evidence.substring(0, EVIDENCE_CHARS)
				: evidence.toString();
		String category = (messageType != null) ? messageType.wire() : first(fields, this.notifier.typeField());
		return Optional
			.of(new Reading(MailFormat.NOTIFIER, category, reporterName,
					(reporterEmail != null && org.abusedesk.catalog.EmailAddresses.isValid(reporterEmail))
							? reporterEmail : null,
					organisation, targets.targets(), excerpt, this.notifier.name(), details));
	}

	private static Optional<ReportType> typeOf(String word) {
		return (word == null) ? Optional.empty() : ReportTypeMapping.of(word);
	}

	private static String first(Map<String, List<String>> fields, String key) {
		if (key == null) {
			return null;
		}
		List<String> values = fields.get(key);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static String allText(MailView mail) {
		StringBuilder text = new StringBuilder();
		for (MailPart part : mail.parts()) {
			if (part.isText() || part.baseType().contains("xml")) {
				text.append(part.text()).append('\n');
			}
		}
		return text.toString();
	}

	/** The first XML document in a part declared as XML, else in a text part. */
	private static Optional<Element> xml(MailView mail, List<String> problems) {
		List<MailPart> candidates = new ArrayList<>();
		mail.parts().stream().filter((part) -> part.baseType().contains("xml")).forEach(candidates::add);
		mail.parts().stream().filter((part) -> part.isText() && !candidates.contains(part)).forEach(candidates::add);
		for (MailPart part : candidates) {
			String text = part.text();
			Matcher start = XML_START.matcher(text);
			if (!start.find()) {
				continue;
			}
			String document = text.substring(start.start());
			if (document.length() > MAX_XML_CHARS) {
				problems.add("an XML document over " + MAX_XML_CHARS + " characters was not read");
				continue;
			}
			Optional<Element> root = parse(document).or(() -> parse(withoutTrailer(document)));
			if (root.isPresent()) {
				return root;
			}
			problems.add("an XML document could not be read");
		}
		return Optional.empty();
	}

	/** The document up to the end of its root element: a signature may follow it. */
	private static String withoutTrailer(String document) {
		Matcher root = Pattern.compile("<([A-Za-z_][\\w.:-]*)[\\s>/]").matcher(document);
		while (root.find()) {
			String name = root.group(1);
			if (name.startsWith("?") || name.startsWith("!")) {
				continue;
			}
			int close = document.lastIndexOf("</" + name);
			if (close < 0) {
				return document;
			}
			int end = document.indexOf('>', close);
			return (end < 0) ? document : document.substring(0, end + 1);
		}
		return document;
	}

	private static Optional<Element> parse(String document) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// a report needs no document type: refusing it keeps entity expansion and
			// external entities (XXE) out
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return Optional.of(builder.parse(new InputSource(new StringReader(document))).getDocumentElement());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/**
	 * Each element's text under its own name and as {@code parent/name}, both as
	 * {@link Notifier#fieldKey} compares them.
	 */
	private static void collect(Element element, String parent, Map<String, List<String>> fields, int depth) {
		if (depth > 30 || fields.size() > 2000) {
			return;
		}
		String name = ReportTypeMapping
			.key((element.getLocalName() != null) ? element.getLocalName() : element.getTagName());
		boolean leaf = true;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				leaf = false;
				collect(nested, name, fields, depth + 1);
			}
		}
		if (leaf) {
			String value = element.getTextContent();
			if (value != null && !value.isBlank()) {
				fields.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value.strip());
				if (parent != null) {
					fields.computeIfAbsent(parent + "/" + name, (key) -> new ArrayList<>()).add(value.strip());
				}
			}
		}
	}

	private static void keyValues(MailView mail, Map<String, List<String>> fields) {
		for (MailPart part : mail.parts()) {
			if (!part.isText()) {
				continue;
			}
			String text = part.text().lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
			FieldBlock block = FieldBlock.parse(text);
			for (String name : block.names()) {
				fields.computeIfAbsent(ReportTypeMapping.key(name), (key) -> new ArrayList<>()).addAll(block.all(name));
			}
		}
	}

	/**
	 * The rows of the first CSV (an attachment named .csv, else a text part with a header
	 * row).
	 */
	private void csv(MailView mail, List<Map<String, String>> rows, List<String> problems) {
		List<MailPart> candidates = new ArrayList<>();
		mail.parts().stream().filter((part) -> part.hasFileName(".*\\.csv")).forEach(candidates::add);
		mail.parts().stream().filter((part) -> part.isText() && !candidates.contains(part)).forEach(candidates::add);
		for (MailPart part : candidates) {
			List<List<String>> records = Csv.read(part.text(), 100_000);
			if (records.size() < 2) {
				continue;
			}
			List<String> header = records.get(0).stream().map(Notifier::fieldKey).toList();
			if (this.notifier.targets().stream().noneMatch(header::contains)) {
				continue;
			}
			for (List<String> record : records.subList(1, records.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
					row.put(header.get(i), record.get(i));
				}
				rows.add(row);
			}
			return;
		}
		problems.add("no CSV with a column of " + this.notifier.targets() + " found");
	}

}
