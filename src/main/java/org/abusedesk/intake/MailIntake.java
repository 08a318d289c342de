package org.abusedesk.intake;

/**
 * The abuse mailbox: takes one message as received (from the CLI, an IMAP poll, an MTA
 * pipe), stores it before anything reads it, and files the reports it carries.
 */
public interface MailIntake {

	/**
	 * Stores, parses and files one message. Storing commits on its own first, so a
	 * message is never lost to a failure after it.
	 * @param raw the message exactly as received
	 * @param channel how it came: {@code cli}, {@code imap}, ...
	 * @param envelopeSender the SMTP envelope sender when known, else {@code null}
	 * @return what became of it
	 */
	MailOutcome receive(byte[] raw, String channel, String envelopeSender);

}
