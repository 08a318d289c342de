package org.abusedesk.cases;

import java.util.List;

import org.abusedesk.intake.Report;

/**
 * Reports were decided together (routed in one batch). Published inside the deciding
 * transaction, like {@link ReportDecided}, so that what listens synchronously (the
 * outbox) commits with the decisions and can write for all of them at once.
 *
 * @param decided each accepted report's decision, in the order they were routed
 * @param denied the reports the policy denied (every decision of theirs denies, e.g.
 * {@code domain_dispute_process_required}), as stored: status {@code denied} with the
 * reason; they are attached to no case and owe their reporter the decision, nothing else
 */
public record ReportsDecided(List<ReportDecided> decided, List<DeniedReport> denied) {

	public ReportsDecided {
		decided = List.copyOf(decided);
		denied = List.copyOf(denied);
	}

	public ReportsDecided(List<ReportDecided> decided) {
		this(decided, List.of());
	}

	/**
	 * A report the policy denied.
	 *
	 * @param report the report as stored, {@code denied} with its reason
	 * @param explanation the deciding plan's plain-language explanation
	 */
	public record DeniedReport(Report report, String explanation) {
	}

}
