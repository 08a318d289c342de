package org.abusedesk.policy.internal;

import org.abusedesk.policy.PolicyDocuments;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active policy, for staff. */
@RestController
class PolicyController {

	private final PolicyDocuments policies;

	PolicyController(PolicyDocuments policies) {
		this.policies = policies;
	}

	@GetMapping("/api/v1/policy")
	PolicyDocuments.ActivePolicy active() {
		return this.policies.active();
	}

}
