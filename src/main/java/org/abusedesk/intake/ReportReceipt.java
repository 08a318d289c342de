package org.abusedesk.intake;

/**
 * What the submitter of a report is told at once.
 *
 * @param id the report's id
 * @param trackingCode the code the reporter quotes and looks the report up by
 * @param status {@code submitted} or, when denied on arrival, {@code denied}
 * @param denialReason the enumerated reason when denied, else {@code null}
 * @param duplicateOf for a {@code duplicate_report}, the tracking code of the original
 * @param statusSecret lets the reporter see the status of the report; shown only here and
 * in the receipt email
 */
public record ReportReceipt(long id, String trackingCode, String status, String denialReason, String duplicateOf,
		String statusSecret) {

}
