package org.abusedesk.policy;

import java.util.List;

/** Decides reports by the active policy and records each decision. */
public interface Decisions {

	/**
	 * Decides a report on one service and records the decision, in the caller's
	 * transaction. Deciding the same report and service again returns the recorded
	 * decision unchanged.
	 */
	Decision decide(long reportId, DecisionFacts facts);

	/** The recorded decisions of a report. */
	List<Decision> ofReport(long reportId);

}
