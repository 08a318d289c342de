package org.abusedesk.intake;

/**
 * What the submitter of a report is told at once.
 *
 * @param id the report's id
 * @param trackingCode the code the reporter quotes and looks the report up by
 * @param status {@code submitted} or, when denied on arrival, {@code denied}
 * @param denialReason the enumerated reason when denied, else {@code null}
 */
public record ReportReceipt(long id, String trackingCode, String status, String denialReason) {

}
