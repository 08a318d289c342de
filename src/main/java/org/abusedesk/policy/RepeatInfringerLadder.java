package org.abusedesk.policy;

import java.util.List;
import java.util.Optional;

/**
 * The repeat-infringer ladder of the active policy (its {@code repeat_infringers}
 * section, docs/policy.md): for a report type, how many confirmed violations (strikes)
 * within the strike window propose a {@code warning}, an {@code account_review} and the
 * {@code suspension} of the account. Thresholds are policy data, versioned with the
 * rules; the proposals are always decided by a senior with a statement of reasons.
 */
public interface RepeatInfringerLadder {

	/** The measures a step proposes, in the order of the ladder. */
	List<String> MEASURES = List.of("warning", "account_review", "suspension");

	/** The active policy's steps for a report type, lowest threshold first. */
	List<Step> steps(String reportType);

	/**
	 * The highest step an account with {@code strikes} strikes of a report type has
	 * reached, or empty below the first.
	 */
	default Optional<Step> reached(String reportType, int strikes) {
		return steps(reportType).stream().filter((step) -> strikes >= step.strikes()).reduce((lower, higher) -> higher);
	}

	/**
	 * @param policyVersion the policy version that holds the step
	 * @param reportType the report type's wire value
	 * @param strikes the strikes from which it applies
	 * @param propose {@code warning}, {@code account_review} or {@code suspension}
	 */
	record Step(String policyVersion, String reportType, int strikes, String propose) {
	}

}
