package org.abusedesk.intake;

/**
 * Files reports that arrive through a channel other than the public HTTP endpoint (email,
 * feeds). Every channel hands in the same JSON shape as {@code POST
 * /api/v1/reports/{type}} and goes through the same validation, so a report means the
 * same thing whichever way it came.
 */
public interface ReportFiling {

	/**
	 * Validates, resolves and stores one report. The channel must already have stored
	 * what it received (the raw message) and passes a reference to it.
	 * @param channel e.g. {@code mail}
	 * @param source reference to the stored raw input, e.g. {@code mail_message:42}
	 * @param type the report type's wire value
	 * @param json the report in the API's JSON shape
	 * @param kind the reporter kind the channel vouches for (a configured feed is
	 * {@code automated_feed}); {@code null} to take the self-declared kind from the body
	 * @return the receipt
	 * @throws org.abusedesk.problems.InvalidInputException when the report is invalid, or
	 * its reporter's notices are suspended (code {@code suspended}, the message says why
	 * and until when)
	 */
	ReportReceipt file(String channel, String source, String type, String json, ReporterKind kind);

}
