package org.abusedesk.intake;

import java.util.List;

/**
 * Reports about our customers were stored together (a chunk of a batch) and await their
 * decisions: one durable hand-off for all of them instead of one per report. Published in
 * the transaction that stored them.
 *
 * @param reportIds the reports, in the order they were stored
 */
public record ReportsReceived(List<Long> reportIds) {

	public ReportsReceived {
		reportIds = List.copyOf(reportIds);
	}

}
