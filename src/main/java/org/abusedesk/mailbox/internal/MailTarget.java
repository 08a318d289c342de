package org.abusedesk.mailbox.internal;

import org.abusedesk.intake.ReportType;

/**
 * Something a message complains about.
 *
 * @param kind what {@code value} is
 * @param value an absolute http(s) URL, a host name, or a canonical IP address
 * @param type the report type the message gives it, or {@code null} when the message does
 * not say clearly (then the sender's configuration or a person decides)
 */
public record MailTarget(Kind kind, String value, ReportType type) {

	public enum Kind {

		URL, HOST, ADDRESS

	}

}
