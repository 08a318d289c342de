package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.List;

import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;

/**
 * A mitigation as a rule writes it. {@code orderScope} means "the territory of the legal
 * order", known only from the facts; otherwise the scope is global.
 */
record MitigationTemplate(MitigationType type, EntityType entityType, boolean orderScope, Duration delay,
		Duration expires, Duration review) {

	ProposedMitigation resolve(DecisionFacts facts) {
		return new ProposedMitigation(this.type, this.entityType, this.orderScope ? facts.orderScope() : List.of(),
				this.delay, this.expires, this.review);
	}

}
