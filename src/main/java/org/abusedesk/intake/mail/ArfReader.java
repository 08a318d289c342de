package org.abusedesk.intake.mail;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abusedesk.intake.ReportType;

/**
 * Feedback reports (RFC 5965): a part for people, the machine-readable feedback fields
 * and the original message or its headers. Real senders send Version 0.1, leave parts
 * out, put them in another order or give them wrong content types, so the fields are
 * found by content as well as by type.
 */
final class ArfReader implements FormatReader {

	private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type[ \\t]*:");

	private static final Pattern HEADER_LIKE = Pattern.compile("(?im)^(Received|Message-ID|Return-Path|From)[ \\t]*:");

	private static final int EVIDENCE_CHARS = 3000;

	/** Whether a part is declared as feedback fields: then ARF wins over the others. */
	static boolean declared(MailView mail) {
		return mail.parts().stream().anyMatch((part) -> part.baseType().equals("message/feedback-report"));
	}

	@Override
	public Optional<Reading> read(MailView mail, TargetExtractor targets, List<String> problems) {
		MailPart feedback = feedbackPart(mail);
		if (feedback == null) {
			return Optional.empty();
		}
		FieldBlock fields = FieldBlock.parse(feedback.text());
		String feedbackType = fields.first("Feedback-Type");
		ReportType type;
		if (ReportTypeMapping.notAComplaint(feedbackType)) {
			problems.add("feedback type '" + feedbackType + "' is not a complaint");
			type = null;
		}
		else {
			type = ReportTypeMapping.of(feedbackType).orElse(ReportType.GENERAL);
		}
		fields.all("Source-IP").forEach((value) -> targets.addValue(value, type));
		for (String uri : fields.all("Reported-URI")) {
			String value = uri.replaceAll("^<|>$", "");
			if (value.regionMatches(true, 0, "http", 0, 4)) {
				targets.addValue(value, type);
			}
		}
		fields.all("Reported-Domain").forEach((value) -> targets.addValue(value, type));

		StringBuilder evidence = new StringBuilder();
		evidence.append("Feedback-Type: ").append(feedbackType).append('\n');
		for (String name : List.of("User-Agent", "Version", "Source-IP", "Arrival-Date", "Original-Mail-From",
				"Original-Rcpt-To", "Reported-Domain", "Reported-URI", "Incidents", "Authentication-Results")) {
			fields.all(name).forEach((value) -> evidence.append(name).append(": ").append(value).append('\n'));
		}
		String original = originalHeaders(mail, feedback);
		if (original == null) {
			problems.add("the original message is missing");
		}
		else {
			evidence.append("\nOriginal message headers:\n").append(original);
		}
		String text = evidence.length() > EVIDENCE_CHARS ? evidence.substring(0, EVIDENCE_CHARS) : evidence.toString();
		return Optional.of(new Reading(MailFormat.ARF, feedbackType, null, null, null, targets.targets(), text));
	}

	private static MailPart feedbackPart(MailView mail) {
		for (MailPart part : mail.parts()) {
			if (part.baseType().equals("message/feedback-report")) {
				return part;
			}
		}
		// wrong or missing content type: recognise the fields themselves
		for (MailPart part : mail.parts()) {
			if (part.isText() && FEEDBACK_TYPE.matcher(part.text()).find()) {
				return part;
			}
		}
		return null;
	}

	/** The header block of the original message, from a later part that carries it. */
	private static String originalHeaders(MailView mail, MailPart feedback) {
		for (MailPart part : mail.parts()) {
			String base = part.baseType();
			if (part == feedback) {
				continue;
			}
			boolean declaredOriginal = base.equals("message/rfc822") || base.equals("text/rfc822-headers")
					|| base.equals("message/rfc822-headers");
			if (declaredOriginal || (part.isText() && part.depth() > 0 && HEADER_LIKE.matcher(part.text()).find()
					&& part != mail.parts().get(0))) {
				String text = new String(part.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
				int end = headerEnd(text);
				return text.substring(0, Math.min(end, 1500));
			}
		}
		return null;
	}

	private static int headerEnd(String text) {
		for (String separator : List.of("\r\n\r\n", "\n\n", "\r\r")) {
			int at = text.indexOf(separator);
			if (at >= 0) {
				return at;
			}
		}
		return text.length();
	}

}
