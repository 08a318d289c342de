package org.abusedesk.mailbox.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.ReportType;

/**
 * Reports written by people, and CSV feeds: every URL, host name and IP address in the
 * text parts (attached messages and zip entries included) is a target. The type comes
 * from the words used; when they point nowhere or in several directions the type is left
 * open for the sender's configuration or a person.
 */
final class TextReader implements FormatReader {

	private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");

	private static final Map<ReportType, Pattern> WORDS = new LinkedHashMap<>();

	static {
		WORDS.put(ReportType.PHISHING, Pattern.compile(
				"(?i)\\b(phish\\w*|credential\\w*|fake (login|bank)|malware|virus|trojan|ransomware|fraud\\w*)\\b"));
		WORDS.put(ReportType.GENERAL, Pattern.compile(
				"(?i)\\b(spam\\w*|brute[ -]?forc\\w*|ssh|port ?scan\\w*|scanning|ddos|botnet|attack\\w*|hack\\w*)\\b"));
		WORDS.put(ReportType.DMCA, Pattern.compile("(?i)\\b(copyright\\w*|dmca|infring\\w*|pira\\w+)\\b"));
		WORDS.put(ReportType.TRADEMARK, Pattern.compile("(?i)\\b(trademark\\w*|counterfeit\\w*)\\b"));
		WORDS.put(ReportType.CHILDREN, Pattern.compile("(?i)\\b(child abuse|csam|child porn\\w*)\\b"));
		WORDS.put(ReportType.THREAT, Pattern.compile("(?i)\\b(threat\\w*|harass\\w*)\\b"));
		WORDS.put(ReportType.PRIVACY, Pattern.compile("(?i)\\b(doxx?\\w*|personal data)\\b"));
	}

	@Override
	public Optional<Reading> read(MailView mail, TargetExtractor targets, List<String> problems) {
		StringBuilder text = new StringBuilder();
		for (MailPart part : mail.parts()) {
			String base = part.baseType();
			if (base.equals("text/html")) {
				String html = HREF.matcher(part.text()).replaceAll(" $1 ");
				text.append(withoutTags(html)).append('\n');
			}
			else if (part.isText()) {
				text.append(part.text()).append('\n');
			}
		}
		String subject = (mail.subject() != null) ? mail.subject() : "";
		ReportType type = inferType(subject + "\n" + text);
		if (type == null) {
			problems.add("the text does not say clearly what kind of abuse it reports");
		}
		targets.addFromText(text.toString(), type);
		String evidence = (subject.isEmpty() ? "" : "Subject: " + subject + "\n\n")
				+ text.substring(0, Math.min(text.length(), 3000)).strip();
		return Optional.of(new Reading(MailFormat.TEXT, (type != null) ? type.wire() : null, null, null, null,
				targets.targets(), evidence));
	}

	/**
	 * Every {@code <...>} replaced by a space, as the pattern {@code (?s)<[^>]*>} did, in
	 * one pass: the pattern read to the end of the text from every {@code <} that no
	 * {@code >} follows.
	 */
	static String withoutTags(CharSequence html) {
		int length = html.length();
		StringBuilder text = new StringBuilder(length);
		int i = 0;
		while (i < length) {
			char c = html.charAt(i);
			if (c != '<') {
				text.append(c);
				i++;
				continue;
			}
			int close = i + 1;
			while (close < length && html.charAt(close) != '>') {
				close++;
			}
			if (close == length) {
				// no > follows this <, nor any later one: the rest is text
				text.append(html, i, length);
				break;
			}
			text.append(' ');
			i = close + 1;
		}
		return text.toString();
	}

	/**
	 * Phishing is also spam, so the two together mean phishing; any other mix is unclear.
	 */
	static ReportType inferType(CharSequence text) {
		Set<ReportType> found = EnumSet.noneOf(ReportType.class);
		WORDS.forEach((type, words) -> {
			if (words.matcher(text).find()) {
				found.add(type);
			}
		});
		if (found.size() == 2 && found.contains(ReportType.PHISHING) && found.contains(ReportType.GENERAL)) {
			return ReportType.PHISHING;
		}
		return (found.size() == 1) ? found.iterator().next() : null;
	}

}
