package org.abusedesk.policy;

import java.time.Duration;

/**
 * The {@code campaigns} section of a policy version (docs/policy.md): when reports
 * against one account are a campaign ({@code campaign_suspected}) and how many automatic
 * forwards one target may cost. Versioned with the policy; a setting the version omits is
 * {@code null}, and the application's configured default applies.
 *
 * @param policyVersion the version the settings belong to
 * @param window how far back reports against the same account count
 * @param minReporters distinct reporters in the window that make a campaign
 * @param minNearIdentical near-identical texts from distinct reporters that make one
 * @param similarity the likeness (0 to 1) of near-identical texts
 * @param minTokenReports reports through one reporter's API token that make one
 * @param forwardBudget automatic forwards per account in the window
 * @param atRiskForwardBudget the same for an {@code at_risk} account
 */
public record CampaignSettings(String policyVersion, Duration window, Integer minReporters, Integer minNearIdentical,
		Double similarity, Integer minTokenReports, Integer forwardBudget, Integer atRiskForwardBudget) {

	/** A version without a {@code campaigns} section. */
	public static CampaignSettings none(String policyVersion) {
		return new CampaignSettings(policyVersion, null, null, null, null, null, null, null);
	}

}
