package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.intake.MailFormat;

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
 * @param notifier the name of the known notifier whose format was read, or {@code null}
 * @param details type-specific fields the message gave (e.g. a copyright notice's
 * {@code work} and {@code rights_holder_name}); never {@code null}
 * @param thread what says whether the message answers one of ours or was sent by a
 * machine; never {@code null}
 */
public record ParsedMessage(MailFormat format, String messageId, String fromAddress, String fromName, String subject,
		String authenticationResults, String category, String reporterName, String reporterEmail, String organisation,
		List<MailTarget> targets, String evidence, List<String> problems, String notifier, Map<String, String> details,
		MailThread thread) {

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
		details = (details != null) ? Map.copyOf(details) : Map.of();
		thread = (thread != null) ? thread : MailThread.NONE;
	}

	/** What could be read of a message that no reader saw. */
	static ParsedMessage unread(List<String> problems) {
		return new ParsedMessage(MailFormat.TEXT, null, null, null, null, null, null, null, null, null, List.of(), "",
				List.copyOf(problems), null, Map.of(), MailThread.NONE);
	}

	/** The text with each NUL character replaced by U+FFFD. */
	static String printable(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace('\0', '\uFFFD');
	}

}
