package org.abusedesk.intake.mail;

import java.util.List;

/**
 * What the parser read from one message. Every field but {@code format}, {@code targets}
 * and {@code problems} may be {@code null}.
 *
 * @param format the format recognised; {@link MailFormat#TEXT} when nothing structured
 * was found
 * @param messageId the Message-ID header
 * @param fromAddress the address of the From header
 * @param fromName the display name of the From header
 * @param subject the decoded subject
 * @param authenticationResults the topmost Authentication-Results header (added by our
 * own MTA; the ones below it were added by others and prove nothing)
 * @param category the sender's own word for the abuse (feedback type, X-ARF category)
 * @param reporterName the reporter named inside the report, if any
 * @param reporterEmail the reporter's address named inside the report, if any
 * @param organisation the reporting organisation named inside the report, if any
 * @param targets what the message complains about
 * @param evidence an excerpt for people: the report's fields, the original headers
 * @param problems what was odd or skipped, for people
 */
public record ParsedMessage(MailFormat format, String messageId, String fromAddress, String fromName, String subject,
		String authenticationResults, String category, String reporterName, String reporterEmail, String organisation,
		List<MailTarget> targets, String evidence, List<String> problems) {

	/**
	 * A message may carry NUL characters anywhere; PostgreSQL text cannot hold them, so
	 * every text read from a message shows them as U+FFFD. The raw bytes keep the
	 * original.
	 */
	public ParsedMessage {
		messageId = printable(messageId);
		fromAddress = printable(fromAddress);
		fromName = printable(fromName);
		subject = printable(subject);
		authenticationResults = printable(authenticationResults);
		category = printable(category);
		reporterName = printable(reporterName);
		reporterEmail = printable(reporterEmail);
		organisation = printable(organisation);
		evidence = printable(evidence);
		problems = problems.stream().map(ParsedMessage::printable).toList();
	}

	/** The text with each NUL character replaced by U+FFFD. */
	static String printable(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace('\0', '\uFFFD');
	}

}
