package org.abusedesk.policy.internal;

import java.time.Instant;
import java.util.List;

import org.abusedesk.policy.CampaignSettings;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.PolicyProblem;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

@Service
class PolicyService implements PolicyDocuments {

	private final PolicyRegistry registry;

	private final PolicyBacktest backtests;

	PolicyService(PolicyRegistry registry, PolicyBacktest backtests) {
		this.registry = registry;
		this.backtests = backtests;
	}

	/** Makes sure a policy is active before the first report arrives. */
	@EventListener(ApplicationReadyEvent.class)
	void activateDefaultIfNone() {
		this.registry.active();
	}

	@Override
	public List<PolicyProblem> check(String yaml) {
		return PolicyCompiler.compile(yaml).problems();
	}

	@Override
	public ActivePolicy activate(String yaml, String author) {
		return this.registry.activate(yaml, author);
	}

	@Override
	public ActivePolicy active() {
		return this.registry.active();
	}

	@Override
	public List<PolicyVersion> versions() {
		return this.registry.versions();
	}

	@Override
	public CampaignSettings campaignSettings() {
		return this.registry.activeCompiled().campaignSettings();
	}

	@Override
	public Backtest backtest(String yaml, Instant since, int maxExamples) {
		return this.backtests.run(PolicyRegistry.compileOrFail(yaml), since, maxExamples);
	}

}
