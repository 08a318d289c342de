package org.abusedesk.campaigns.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code abusedesk.campaigns.*}: when reports against one account are a campaign, and how
 * much automatic work one target may cost. The window and thresholds are the defaults for
 * a policy version whose {@code campaigns} section omits them
 * ({@link CampaignThresholds}).
 *
 * @param window how far back reports against the same account count
 * @param minReporters distinct reporters in the window that make a campaign
 * @param minNearIdentical near-identical texts from distinct reporters that make one
 * @param similarity the likeness (0 to 1, Jaccard over word shingles) of near-identical
 * texts
 * @param minTokenReports reports through one reporter's API token that make one
 * @param forwardBudget automatic forwards of reports per account in the window; beyond it
 * reports wait on their case for a person
 * @param atRiskForwardBudget the same for an {@code at_risk} account
 * @param policyPhrases the provider's own policy language: an authority's request citing
 * it goes to a senior reviewer
 * @param sample how many recent reports of an account are compared at most
 */
@ConfigurationProperties("abusedesk.campaigns")
record CampaignProperties(Duration window, Integer minReporters, Integer minNearIdentical, Double similarity,
		Integer minTokenReports, Integer forwardBudget, Integer atRiskForwardBudget, List<String> policyPhrases,
		Integer sample) {

	CampaignProperties {
		window = (window != null) ? window : Duration.ofHours(24);
		minReporters = (minReporters != null) ? minReporters : 10;
		minNearIdentical = (minNearIdentical != null) ? minNearIdentical : 3;
		similarity = (similarity != null) ? similarity : 0.7;
		minTokenReports = (minTokenReports != null) ? minTokenReports : 10;
		forwardBudget = (forwardBudget != null) ? forwardBudget : 25;
		atRiskForwardBudget = (atRiskForwardBudget != null) ? atRiskForwardBudget : 1;
		policyPhrases = (policyPhrases != null) ? List.copyOf(policyPhrases) : List.of();
		sample = (sample != null) ? sample : 50;
	}

}
