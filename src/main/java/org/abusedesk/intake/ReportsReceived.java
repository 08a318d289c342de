package org.abusedesk.intake;

import java.util.List;

/**
 * Reports about our customers were stored together (a chunk of a batch) and await their
 * decisions. Published in the transaction that stored them. A wake-up, not the hand-off
 * itself: a {@code submitted} report is its own to-do, which the router claims (ADR
 * 0008), so nothing depends on this event being delivered.
 *
 * @param reportIds the reports, in the order they were stored
 */
public record ReportsReceived(List<Long> reportIds) {

	public ReportsReceived {
		reportIds = List.copyOf(reportIds);
	}

}
