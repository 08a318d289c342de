package org.abusedesk.policy.internal;

import java.util.List;

import org.abusedesk.policy.RepeatInfringerLadder;

import org.springframework.stereotype.Service;

/** {@link RepeatInfringerLadder} of the active policy version. */
@Service
class PolicyLadder implements RepeatInfringerLadder {

	private final PolicyRegistry registry;

	PolicyLadder(PolicyRegistry registry) {
		this.registry = registry;
	}

	@Override
	public List<Step> steps(String reportType) {
		return this.registry.activeCompiled()
			.ladder()
			.stream()
			.filter((step) -> step.reportType().equals(reportType))
			.toList();
	}

}
