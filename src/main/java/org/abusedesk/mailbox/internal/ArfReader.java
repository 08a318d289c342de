package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.intake.MailFormat;
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

	private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");

	private static final Pattern BY = Pattern.compile("(?i)\\sby\\s");

	/** {@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}, or an address in parentheses. */
	private static final Pattern RECEIVED_ADDRESS = Pattern
		.compile("(?i)\\[(?:IPv6:)?([0-9a-f:.]{2,45})\\]|[(\\s]((?:\\d{1,3}\\.){3}\\d{1,3})[)\\s]");

	private static final Pattern ADDRESS_CANDIDATE = Pattern
		.compile("(?i)(?<![\\w.:])(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?![\\w.:])");

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
		MailPart originalPart = originalPart(mail, feedback);
		String original = (originalPart != null) ? headerBlock(originalPart) : null;
		if (fields.all("Source-IP").isEmpty()) {
			// senders leave it out: the first hop outside the reporter's network, else
			// the
			// address the words for people name
			String source = (original != null) ? firstExternalHop(FieldBlock.parse(original).all("Received")) : null;
			if (source == null) {
				source = firstPublicAddress(mail.humanText());
				if (source != null) {
					problems.add("no Source-IP: the address " + source + " was taken from the text for people");
				}
			}
			else {
				problems.add("no Source-IP: the address " + source + " was taken from the original's Received chain");
			}
			if (source != null) {
				targets.addValue(source, type);
			}
		}
		if (fields.all("Reported-URI").isEmpty() && fields.all("Reported-Domain").isEmpty() && originalPart != null) {
			// what the message advertised is in the original's body
			targets.addFromText(originalBody(mail, originalPart), type);
		}

		StringBuilder evidence = new StringBuilder();
		evidence.append("Feedback-Type: ").append(feedbackType).append('\n');
		for (String name : List.of("User-Agent", "Version", "Source-IP", "Arrival-Date", "Original-Mail-From",
				"Original-Rcpt-To", "Reported-Domain", "Reported-URI", "Incidents", "Authentication-Results")) {
			fields.all(name).forEach((value) -> evidence.append(name).append(": ").append(value).append('\n'));
		}
		if (original == null) {
			problems.add("the original message is missing");
		}
		else {
			evidence.append("\nOriginal message headers:\n").append(original, 0, Math.min(original.length(), 1500));
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

	/** The part that carries the original message or its headers. */
	private static MailPart originalPart(MailView mail, MailPart feedback) {
		for (MailPart part : mail.parts()) {
			String base = part.baseType();
			if (part == feedback) {
				continue;
			}
			boolean declaredOriginal = base.equals("message/rfc822") || base.equals("text/rfc822-headers")
					|| base.equals("message/rfc822-headers");
			if (declaredOriginal || (part.isText() && part.depth() > 0 && HEADER_LIKE.matcher(part.text()).find()
					&& part != mail.parts().get(0))) {
				return part;
			}
		}
		return null;
	}

	/** The header block of the original message (at most 64 KB of it). */
	private static String headerBlock(MailPart part) {
		String text = new String(part.body(), 0, Math.min(part.body().length, 64 * 1024),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		return text.substring(0, headerEnd(text));
	}

	/**
	 * The original's body as text: the parts the walker found inside the attached
	 * message, else (headers only, or an unreadable attachment) what follows its header
	 * block.
	 */
	private static String originalBody(MailView mail, MailPart original) {
		StringBuilder text = new StringBuilder();
		int at = mail.parts().indexOf(original);
		for (int i = at + 1; i < mail.parts().size() && mail.parts().get(i).depth() > original.depth(); i++) {
			MailPart part = mail.parts().get(i);
			if (part.baseType().equals("text/html")) {
				text.append(TextReader.withoutTags(HREF.matcher(part.text()).replaceAll(" $1 "))).append('\n');
			}
			else if (part.isText()) {
				text.append(part.text()).append('\n');
			}
		}
		if (text.isEmpty()) {
			String raw = original.text();
			int end = headerEnd(raw);
			return (end < raw.length()) ? raw.substring(end) : "";
		}
		return text.toString();
	}

	/**
	 * The address the message came from into the reporter's network: the {@code from}
	 * clause of the topmost {@code Received} header that names a public address (the ones
	 * above it are the reporter's own relays; private addresses are never the source).
	 */
	static String firstExternalHop(List<String> received) {
		for (String header : received) {
			Matcher by = BY.matcher(header);
			String fromClause = by.find() ? header.substring(0, by.start()) : header;
			Matcher address = RECEIVED_ADDRESS.matcher(fromClause);
			while (address.find()) {
				String candidate = (address.group(1) != null) ? address.group(1) : address.group(2);
				java.util.Optional<String> canonical = org.abusedesk.catalog.Targets.address(candidate);
				if (canonical.isPresent()) {
					if (isPublic(canonical.get())) {
						return canonical.get();
					}
					break;
				}
			}
		}
		return null;
	}

	/** The first public IP address in a text, or {@code null}. */
	static String firstPublicAddress(String text) {
		Matcher candidates = ADDRESS_CANDIDATE.matcher(text.length() > 20_000 ? text.substring(0, 20_000) : text);
		while (candidates.find()) {
			java.util.Optional<String> canonical = org.abusedesk.catalog.Targets.address(candidates.group());
			if (canonical.isPresent() && isPublic(canonical.get())) {
				return canonical.get();
			}
		}
		return null;
	}

	/**
	 * Not private, loopback, link-local, shared (100.64/10) or unique-local (fc00::/7).
	 */
	static boolean isPublic(String canonical) {
		try {
			// a literal: no name is looked up
			java.net.InetAddress address = java.net.InetAddress.getByName(canonical);
			byte[] bytes = address.getAddress();
			boolean shared = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
			boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
			return !(address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || address.isMulticastAddress() || shared || uniqueLocal);
		}
		catch (java.net.UnknownHostException | SecurityException ex) {
			return false;
		}
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
