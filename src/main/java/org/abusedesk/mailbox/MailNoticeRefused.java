package org.abusedesk.mailbox;

/**
 * A notice that came by email and was not filed because its reporter's notices are
 * suspended (strikes, DSA Art. 23). The module that keeps the strikes answers it, so that
 * the reporter hears why and until when, as on the API and the form; never for a message
 * a machine sent (RFC 3834).
 *
 * @param stream the message's audit stream, e.g. {@code mail_message:42}
 * @param recipient the reporter's address
 * @param message the words for the reporter (why, and until when)
 */
public record MailNoticeRefused(String stream, String recipient, String message) {

}
