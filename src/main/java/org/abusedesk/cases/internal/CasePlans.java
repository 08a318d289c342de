package org.abusedesk.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.cases.CasePlan;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;

import org.springframework.stereotype.Component;

/** What a case's decisions call for, and whether a changed plan keeps the guardrails. */
@Component
class CasePlans {

	private final Decisions decisions;

	private final CaseWorkRepository cases;

	CasePlans(Decisions decisions, CaseWorkRepository cases) {
		this.decisions = decisions;
		this.cases = cases;
	}

	List<Decision> latestDecisions(long caseId) {
		return this.decisions.latestOfReports(this.cases.reportIds(caseId));
	}

	/** The plan of the case's latest decisions. */
	CasePlan of(long caseId) {
		Set<ProposedMitigation> mitigations = new LinkedHashSet<>();
		Set<String> explanations = new LinkedHashSet<>();
		Set<String> refusals = new LinkedHashSet<>();
		Review review = Review.NONE;
		for (Decision decision : latestDecisions(caseId)) {
			ResponsePlan plan = decision.plan();
			// emergency blocks take effect only through an approved emergency
			plan.mitigations()
				.stream()
				.filter((m) -> m.type() != MitigationType.EMERGENCY_BLOCK)
				.forEach(mitigations::add);
			explanations.add(plan.explanation());
			if (plan.refused()) {
				refusals.add(plan.refusal());
			}
			review = stricter(review, plan.review());
		}
		return new CasePlan(List.copyOf(mitigations), review, List.copyOf(explanations), List.copyOf(refusals));
	}

	/**
	 * The plan a person changed the case's plan to: at least one reviewer; two distinct
	 * approvers when it acts more strongly than proposed.
	 */
	CasePlan changed(CasePlan proposed, List<ProposedMitigation> mitigations) {
		Review review = stricter(proposed.review(), Review.ONE);
		if (stronger(proposed.mitigations(), mitigations)) {
			review = stricter(review, Review.TWO_DISTINCT_APPROVERS);
		}
		return new CasePlan(mitigations, review, proposed.explanations(), proposed.refusals());
	}

	/** The first guardrail the plan breaks for any decision of the case, or empty. */
	Optional<String> violation(long caseId, CasePlan plan) {
		for (Decision decision : latestDecisions(caseId)) {
			ResponsePlan original = decision.plan();
			ResponsePlan candidate = new ResponsePlan(original.policyVersion(), original.rule(),
					original.notifications(), plan.mitigations(), plan.review(), original.priority(), original.dueIn(),
					original.denialReason(), null, original.explanation());
			Optional<String> violation = this.decisions.check(decision.facts(), candidate);
			if (violation.isPresent()) {
				return violation;
			}
		}
		return Optional.empty();
	}

	/** A mitigation the policy did not propose, or one that takes effect sooner. */
	static boolean stronger(List<ProposedMitigation> proposed, List<ProposedMitigation> changed) {
		for (ProposedMitigation mitigation : changed) {
			boolean covered = proposed.stream()
				.anyMatch((p) -> p.type() == mitigation.type() && p.entityType() == mitigation.entityType()
						&& p.territorialScope().containsAll(mitigation.territorialScope())
						&& mitigation.effectiveAfter().compareTo(p.effectiveAfter()) >= 0);
			if (!covered) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The stricter of two reviews. A senior is stricter than two approvers: the proposer
	 * and a senior are two distinct people, one of them senior.
	 */
	static Review stricter(Review a, Review b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
