package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.CampaignSettings;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.RepeatInfringerLadder;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.Review;

/**
 * A policy version ready to evaluate: for every (service, report type) the rules that can
 * match it, in document order. Immutable and shared between threads; evaluation is a pure
 * function of the facts.
 */
final class CompiledPolicy {

	static final String NO_RULE = "none";

	private final String version;

	private final List<CompiledRule> rules;

	private final CompiledRule[][][] candidates;

	private final List<RepeatInfringerLadder.Step> ladder;

	private final CampaignSettings campaignSettings;

	CompiledPolicy(String version, List<CompiledRule> rules) {
		this(version, rules, List.of(), CampaignSettings.none(version));
	}

	CompiledPolicy(String version, List<CompiledRule> rules, List<RepeatInfringerLadder.Step> ladder) {
		this(version, rules, ladder, CampaignSettings.none(version));
	}

	CompiledPolicy(String version, List<CompiledRule> rules, CampaignSettings campaignSettings) {
		this(version, rules, List.of(), campaignSettings);
	}

	CompiledPolicy(String version, List<CompiledRule> rules, List<RepeatInfringerLadder.Step> ladder,
			CampaignSettings campaignSettings) {
		this.version = version;
		this.campaignSettings = campaignSettings;
		this.rules = List.copyOf(rules);
		this.ladder = List.copyOf(ladder);
		Service[] services = Service.values();
		this.candidates = new CompiledRule[services.length][Vocabulary.REPORT_TYPES.size()][];
		for (Service service : services) {
			for (int type = 0; type < Vocabulary.REPORT_TYPES.size(); type++) {
				List<CompiledRule> matching = new ArrayList<>();
				for (CompiledRule rule : this.rules) {
					if ((rule.services() & (1 << service.ordinal())) != 0 && (rule.reportTypes() & (1 << type)) != 0) {
						matching.add(rule);
					}
				}
				this.candidates[service.ordinal()][type] = matching.toArray(CompiledRule[]::new);
			}
		}
	}

	String version() {
		return this.version;
	}

	/** The version's {@code campaigns} section; what it omits is {@code null}. */
	CampaignSettings campaignSettings() {
		return this.campaignSettings;
	}

	List<CompiledRule> rules() {
		return this.rules;
	}

	/** The repeat-infringer ladder, in document order. */
	List<RepeatInfringerLadder.Step> ladder() {
		return this.ladder;
	}

	/** The rules that can match a service and report type, in order. */
	CompiledRule[] candidates(Service service, int reportType) {
		return this.candidates[service.ordinal()][reportType];
	}

	/**
	 * The plan for the facts: the first matching rule's plan, after the run-time
	 * guardrails. Facts no rule matches (only possible for values outside the vocabulary)
	 * go to a senior reviewer.
	 */
	ResponsePlan evaluate(DecisionFacts facts) {
		int type = Vocabulary.reportType(facts.reportType());
		if (type >= 0) {
			int kind = Vocabulary.reporterKind(facts.reporterKind());
			int mask = Fact.mask(facts);
			for (CompiledRule rule : this.candidates[facts.service().ordinal()][type]) {
				if (rule.matches(kind, facts.jurisdiction(), mask)) {
					return Guardrails.enforce(rule.plan(this.version, facts), facts);
				}
			}
		}
		return new ResponsePlan(this.version, NO_RULE, List.of(), List.of(), Review.SENIOR, Priority.P2,
				Duration.ofHours(24), null, null,
				"No rule of our policy covers this report, so a senior reviewer will decide what to do.");
	}

}
