package org.abusedesk.intake;

/**
 * A report about one of our customers was stored and awaits a decision. Published in the
 * transaction that stored it. A wake-up, not the hand-off itself: a {@code submitted}
 * report is its own to-do, which the router claims (ADR 0008).
 */
public record ReportReceived(long reportId) {

}
