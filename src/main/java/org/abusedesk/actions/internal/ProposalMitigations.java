package org.abusedesk.actions.internal;

import java.time.Instant;
import java.util.Map;

import org.abusedesk.actions.Mitigations;
import org.abusedesk.actions.Mitigations.NewMitigation;
import org.abusedesk.cases.ProposalApproved;
import org.abusedesk.policy.ProposedMitigation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the mitigations of an approved case plan, in the approving transaction (cases
 * cannot call {@link Mitigations} itself: actions depends on cases). Each takes effect
 * after its grace period, counted from the approval.
 */
@Component
class ProposalMitigations {

	private final Mitigations mitigations;

	ProposalMitigations(Mitigations mitigations) {
		this.mitigations = mitigations;
	}

	@EventListener
	void on(ProposalApproved approved) {
		Instant now = Instant.now();
		for (ProposedMitigation proposed : approved.mitigations()) {
			Instant effective = now.plus(proposed.effectiveAfter());
			Instant expires = (proposed.expiresAfter() != null) ? effective.plus(proposed.expiresAfter()) : null;
			Instant review = (proposed.reviewAfter() != null) ? effective.plus(proposed.reviewAfter()) : null;
			this.mitigations.create(new NewMitigation(approved.caseId(), proposed.type().wire(),
					proposed.target().wire(), proposed.territorialScope(), effective, expires, review, approved.actor(),
					Map.of("proposal_id", approved.proposalId())));
		}
	}

}
