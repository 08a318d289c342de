package org.abusedesk.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides reports by the active policy and records each decision. */
public interface Decisions {

	/**
	 * Decides many reports, each on one service, by the active policy, and records the
	 * decisions in one statement, in the caller's transaction. Deciding a report and
	 * service again changes nothing.
	 * @return the decisions in the order of the requests; one recorded before is returned
	 * as recorded
	 */
	List<Decision> decideAll(List<Request> requests);

	/** A report to decide on one service, for {@link #decideAll}. */
	record Request(long reportId, DecisionFacts facts) {

	}

	/**
	 * Decides a report on one service again because its facts changed (e.g. an emergency
	 * was declared), by the active policy, and records it as a new decision next to the
	 * earlier ones, in the caller's transaction.
	 */
	Decision redecide(long reportId, DecisionFacts facts);

	/** The recorded decisions of many reports, by report, each's oldest first. */
	Map<Long, List<Decision>> ofReports(Collection<Long> reportIds);

	/** The latest decision per service of a report. */
	List<Decision> latestOfReport(long reportId);

	/** The latest decision per service of each of many reports, in one statement. */
	List<Decision> latestOfReports(Collection<Long> reportIds);

	/**
	 * Checks a plan a person changed against the guardrails no policy can switch off
	 * (docs/policy.md), for the facts of a decision.
	 * @return the first guardrail the plan breaks, in words, or empty when it keeps them
	 */
	Optional<String> check(DecisionFacts facts, ResponsePlan plan);

}
