package org.abusedesk.campaigns.internal;

import java.time.Duration;

import org.abusedesk.policy.CampaignSettings;

/**
 * The campaign window and thresholds in force: the active policy version's
 * {@code campaigns} section, each setting it omits taken from the application's
 * configuration ({@code abusedesk.campaigns.*}).
 *
 * @param policyVersion the policy version the settings come from
 */
record CampaignThresholds(String policyVersion, Duration window, int minReporters, int minNearIdentical,
		double similarity, int minTokenReports, int forwardBudget, int atRiskForwardBudget) {

	static CampaignThresholds of(CampaignSettings policy, CampaignProperties defaults) {
		return new CampaignThresholds(policy.policyVersion(), or(policy.window(), defaults.window()),
				or(policy.minReporters(), defaults.minReporters()),
				or(policy.minNearIdentical(), defaults.minNearIdentical()),
				or(policy.similarity(), defaults.similarity()),
				or(policy.minTokenReports(), defaults.minTokenReports()),
				or(policy.forwardBudget(), defaults.forwardBudget()),
				or(policy.atRiskForwardBudget(), defaults.atRiskForwardBudget()));
	}

	private static <T> T or(T value, T otherwise) {
		return (value != null) ? value : otherwise;
	}

}
