package org.abusedesk.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.intake.ReportTriage;
import org.abusedesk.intake.ReportType;

/**
 * What staff do with the abuse mailbox's leftovers: the reports filed without their type
 * ({@code type_unclear}), held until a person picks it ({@link ReportTriage}), and the
 * quarantined messages, read safely and filed again by hand.
 */
public interface MailTriage {

	/**
	 * The types a report filed from a message can be given: those whose fields an email
	 * gives (a DMCA notice needs its signature and statements, a legal order its
	 * document, ...).
	 */
	List<ReportType> TYPES = List.of(ReportType.GENERAL, ReportType.PHISHING, ReportType.CHILDREN);

	/**
	 * The flagged reports still without a type picked, oldest first, after a report id.
	 */
	List<UnclearReport> unclear(long after, int limit);

	Optional<UnclearReport> unclearReport(long reportId);

	/**
	 * Picks the type of a flagged report: the report takes it, and the router decides it
	 * once, as a report of that type (forwards, mitigations, notices); the pick is
	 * audited ({@code report.type_chosen}) on the report's stream.
	 * @param staff who picked it (the audit's actor is {@code staff:<name>})
	 * @return the report as it is now; empty when it is not waiting for a type
	 * @throws org.abusedesk.problems.InvalidInputException (field {@code type}) when the
	 * report cannot be of that type
	 */
	Optional<UnclearReport> pickType(long reportId, ReportType type, String staff);

	/** Quarantined messages, newest first, before a message id. */
	List<QuarantinedMessage> quarantined(long before, int limit);

	Optional<QuarantinedMessage> quarantinedMessage(long id);

	/** The original bytes of a quarantined message: hostile input, never to render. */
	Optional<byte[]> quarantinedOriginal(long id);

	/**
	 * Files a quarantined message again, as a person decided, outside its sender's rate
	 * budget; audited {@code mail.released} on the message's stream.
	 * @param type {@code null} to file it as read (targets without a type for triage),
	 * else every URL as this type (one of {@link #TYPES}; IP addresses stay network
	 * abuse, {@code general})
	 * @return what became of it (it may be quarantined again, with the reason); empty
	 * when no such message is quarantined
	 * @throws org.abusedesk.problems.InvalidInputException for a type not in
	 * {@link #TYPES} ({@code type}) or a message too large to read ({@code id})
	 */
	Optional<MailOutcome> release(long id, ReportType type, String staff);

	/**
	 * A report flagged {@code type_unclear}.
	 *
	 * @param type its type now ({@code general} until one is picked)
	 * @param status its status ({@code submitted} while held)
	 * @param urls the URLs it names
	 * @param ips the IP addresses it names
	 * @param evidence the words of the message the report carries (its justification)
	 * @param chosenType the type a person picked, or {@code null} while open
	 */
	record UnclearReport(long reportId, String trackingCode, String type, String status, List<String> urls,
			List<String> ips, String evidence, long mailMessageId, Instant flaggedAt, String chosenType,
			String chosenBy, Instant chosenAt) {

	}

	/**
	 * A quarantined message, as its headers said.
	 *
	 * @param format the format the mailbox recognised, or {@code null} for a message too
	 * large to read
	 * @param reason why it was quarantined
	 */
	record QuarantinedMessage(long id, Instant receivedAt, String channel, String headerSender, String envelopeSender,
			String messageId, int size, MailFormat format, String reason) {

	}

}
