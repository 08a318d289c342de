package org.abusedesk.cases;

import java.util.List;

/**
 * Reports were decided together (routed in one batch). Published inside the deciding
 * transaction, like {@link ReportDecided}, so that what listens synchronously (the
 * outbox) commits with the decisions and can write for all of them at once.
 *
 * @param decided each report's decision, in the order they were routed
 */
public record ReportsDecided(List<ReportDecided> decided) {

	public ReportsDecided {
		decided = List.copyOf(decided);
	}

}
