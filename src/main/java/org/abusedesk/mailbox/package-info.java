/**
 * The abuse mailbox (docs/email-intake.md): SMTP and IMAP intake, the parser for ARF,
 * X-ARF, known senders and free text, quarantine and type triage, and the threading of
 * replies into cases. It files reports only through intake's public API
 * ({@link org.abusedesk.intake.MailIntake}).
 */
package org.abusedesk.mailbox;
