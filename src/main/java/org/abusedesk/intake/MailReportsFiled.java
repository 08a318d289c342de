package org.abusedesk.intake;

import java.util.List;

/**
 * The reports one abuse message was filed as. Its sender gets one receipt for the whole
 * message, however many reports it became, not one email per report: an unauthenticated
 * From address must not turn one message into a thousand emails to someone else.
 *
 * @param stream the message's audit stream, e.g. {@code mail_message:42}
 * @param recipient the reporter's address the receipt goes to
 * @param reporterName the reporter's name, or {@code null}
 * @param reports the reports, in the order filed (never empty)
 */
public record MailReportsFiled(String stream, String recipient, String reporterName, List<Filed> reports) {

	public MailReportsFiled {
		reports = List.copyOf(reports);
	}

	/**
	 * One report of the message.
	 *
	 * @param reportId the report's id
	 * @param receipt what its submitter would have been told at once
	 * @param type the report type's wire value
	 * @param targets the URLs and addresses it is about
	 */
	public record Filed(long reportId, ReportReceipt receipt, String type, List<String> targets) {

		public Filed {
			targets = List.copyOf(targets);
		}

	}

}
