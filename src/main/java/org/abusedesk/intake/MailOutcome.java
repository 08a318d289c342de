package org.abusedesk.intake;

import java.util.List;

/**
 * What became of one message of the abuse mailbox.
 *
 * @param messageId our id of the stored message ({@code mail_message:<id>})
 * @param format the format recognised; {@code null} when not parsed
 * @param status {@code accepted}, {@code quarantined}, {@code duplicate},
 * {@code threaded} (an answer to one of our messages, now in its case's correspondence;
 * {@code reason} names the case) or {@code ignored} (our own message, or an automatic
 * reply or bounce that answers nothing of ours)
 * @param reports the reports filed from it (also those denied {@code not_ours})
 * @param reason why it was quarantined, or what was odd; {@code null} when nothing
 */
public record MailOutcome(long messageId, MailFormat format, String status, List<FiledReport> reports, String reason) {

	/**
	 * @param type the report type it was filed as
	 * @param urls its URLs
	 * @param ips its IP addresses
	 * @param trackingCode the report's tracking code
	 * @param status {@code submitted} or {@code denied}
	 * @param typeUnclear the message did not say what kind of abuse it reports: filed as
	 * {@code general} for a person to pick the type
	 */
	public record FiledReport(String type, List<String> urls, List<String> ips, String trackingCode, String status,
			boolean typeUnclear) {

		public FiledReport(String type, List<String> urls, List<String> ips, String trackingCode, String status) {
			this(type, urls, ips, trackingCode, status, false);
		}

	}

}
