package org.abusedesk.intake;

/**
 * A report about one of our customers was stored and awaits a decision. Published in the
 * transaction that stored it.
 */
public record ReportReceived(long reportId) {

}
