package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;

/**
 * The rules no policy can switch off (DOMAIN.md, "Decisions"). They live in code, not in
 * the document, and are applied twice: to every rule when a document is checked, and to
 * every plan when it is evaluated, so that a document that slipped past the checker (or a
 * checker bug) still cannot act without a basis.
 */
final class Guardrails {

	/** Services that do not hold the content: acting on it there needs a basis. */
	static final int UPSTREAM = (1 << Service.PROXY.ordinal()) | (1 << Service.DNS.ordinal())
			| (1 << Service.RESOLVER.ordinal());

	private static final int CHILDREN = 1 << Vocabulary.reportType("children");

	private static final int LEGAL_ORDER = 1 << Vocabulary.reportType("legal_order");

	private Guardrails() {
	}

	/** What is wrong with a rule, as sentences; empty when it keeps every guardrail. */
	static List<String> check(CompiledRule rule) {
		List<String> problems = new ArrayList<>();
		for (MitigationTemplate mitigation : rule.mitigations()) {
			String type = mitigation.type().wire();
			if ((rule.services() & UPSTREAM) != 0 && !hasBasis(mitigation, rule)) {
				problems.add("guardrail basis_required: " + type + " on proxy, dns or resolver needs its basis in "
						+ "the match (" + basisOf(mitigation.type()) + ")");
			}
			if (mitigation.type() == MitigationType.EMERGENCY_BLOCK) {
				if ((rule.factsTrue() & Fact.EMERGENCY_DECLARED.bit()) == 0) {
					problems.add("guardrail emergency: emergency_block needs emergency_declared: true in the match");
				}
				if (rule.review() != Review.TWO_DISTINCT_APPROVERS) {
					problems.add("guardrail emergency: emergency_block needs review: two_distinct_approvers");
				}
				if (!positive(mitigation.expires()) || !positive(mitigation.review())
						|| mitigation.review().compareTo(mitigation.expires()) > 0) {
					problems.add("guardrail emergency: emergency_block needs an expiry and a review date no later "
							+ "than the expiry");
				}
			}
			if (mitigation.type() == MitigationType.LEGAL_BLOCK
					&& (rule.reportTypes() != LEGAL_ORDER || !mitigation.orderScope())) {
				problems.add("guardrail legal_scope: legal_block only answers report_type legal_order, with "
						+ "scope: order (never beyond the order's territory)");
			}
		}
		if (!rule.mitigations().isEmpty() && (rule.factsTrue() & Fact.ACCOUNT_AT_RISK.bit()) != 0
				&& rule.review() != Review.SENIOR) {
			problems.add("guardrail at_risk: a mitigation against an at_risk account needs review: senior");
		}
		return problems;
	}

	/**
	 * The plan if it keeps every guardrail for these facts; otherwise the plan refused:
	 * no mitigation, a senior reviewer, and the reason recorded.
	 */
	static ResponsePlan enforce(ResponsePlan plan, DecisionFacts facts) {
		String violation = violation(plan, facts);
		if (violation == null) {
			return seniorForAuthoritiesCitingPolicy(plan, facts);
		}
		return new ResponsePlan(plan.policyVersion(), plan.rule(), plan.notifications(), List.of(), Review.SENIOR,
				plan.priority(), plan.dueIn(), plan.denialReason(), violation,
				"A safeguard of our policy stopped the automatic response (" + violation + "). "
						+ "A senior reviewer will decide what to do.");
	}

	/**
	 * An authority ({@code government}, {@code law_enforcement}) citing the provider's
	 * own policy language goes to a senior reviewer, whatever the rule asked for (issue
	 * 15): a plan that needs no one or one reviewer needs a senior; two distinct
	 * approvers (an emergency) stay, and a denial stays a denial.
	 */
	private static ResponsePlan seniorForAuthoritiesCitingPolicy(ResponsePlan plan, DecisionFacts facts) {
		boolean authority = "government".equals(facts.reporterKind()) || "law_enforcement".equals(facts.reporterKind());
		if (!authority || !facts.policyLanguageCited() || plan.denialReason() != null
				|| (plan.review() != Review.NONE && plan.review() != Review.ONE)) {
			return plan;
		}
		return new ResponsePlan(plan.policyVersion(), plan.rule(), plan.notifications(), plan.mitigations(),
				Review.SENIOR, plan.priority(), plan.dueIn(), null, null, plan.explanation());
	}

	/** The first guardrail the plan breaks for these facts, or {@code null}. */
	static String violation(ResponsePlan plan, DecisionFacts facts) {
		boolean upstream = (UPSTREAM & (1 << facts.service().ordinal())) != 0;
		for (ProposedMitigation mitigation : plan.mitigations()) {
			if (upstream && !hasBasis(mitigation, facts)) {
				return "basis_required: " + mitigation.type().wire() + " on " + facts.service().wire()
						+ " without its basis (" + basisOf(mitigation.type()) + ")";
			}
			if (mitigation.type() == MitigationType.EMERGENCY_BLOCK) {
				if (!facts.emergencyDeclared() || plan.review() != Review.TWO_DISTINCT_APPROVERS
						|| !positive(mitigation.expiresAfter()) || !positive(mitigation.reviewAfter())
						|| !plan.notifications().contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL)) {
					return "emergency: emergency_block needs a declared emergency, two distinct approvers, "
							+ "an expiry, a review date and a law enforcement referral";
				}
			}
			if (mitigation.type() == MitigationType.LEGAL_BLOCK
					&& (!"legal_order".equals(facts.reportType()) || mitigation.territorialScope().isEmpty()
							|| !facts.orderScope().containsAll(mitigation.territorialScope()))) {
				return "legal_scope: legal_block must stay within the order's territory";
			}
		}
		if (!plan.mitigations().isEmpty() && facts.accountAtRisk() && plan.review() != Review.SENIOR) {
			return "at_risk: a mitigation against an at_risk account needs a senior reviewer";
		}
		return null;
	}

	private static boolean hasBasis(MitigationTemplate mitigation, CompiledRule rule) {
		return switch (mitigation.type()) {
			case PHISHING_INTERSTITIAL -> (rule.factsTrue() & Fact.PHISHING_CONFIRMED.bit()) != 0;
			case MALWARE_BLOCK -> (rule.factsTrue() & Fact.MALWARE_CONFIRMED.bit()) != 0;
			case CONTENT_DISABLE -> rule.reportTypes() == CHILDREN;
			case LEGAL_BLOCK -> rule.reportTypes() == LEGAL_ORDER && mitigation.orderScope();
			case EMERGENCY_BLOCK -> (rule.factsTrue() & Fact.EMERGENCY_DECLARED.bit()) != 0;
			case ACCOUNT_SUSPEND, ZONE_TERMINATE -> false;
		};
	}

	private static boolean hasBasis(ProposedMitigation mitigation, DecisionFacts facts) {
		return switch (mitigation.type()) {
			case PHISHING_INTERSTITIAL -> facts.phishingConfirmed();
			case MALWARE_BLOCK -> facts.malwareConfirmed();
			case CONTENT_DISABLE -> "children".equals(facts.reportType());
			case LEGAL_BLOCK -> "legal_order".equals(facts.reportType()) && !facts.orderScope().isEmpty();
			case EMERGENCY_BLOCK -> facts.emergencyDeclared();
			case ACCOUNT_SUSPEND, ZONE_TERMINATE -> false;
		};
	}

	private static String basisOf(MitigationType type) {
		return switch (type) {
			case PHISHING_INTERSTITIAL -> "phishing_confirmed";
			case MALWARE_BLOCK -> "malware_confirmed";
			case CONTENT_DISABLE -> "report_type children only";
			case LEGAL_BLOCK -> "report_type legal_order with its territorial scope";
			case EMERGENCY_BLOCK -> "emergency_declared";
			case ACCOUNT_SUSPEND, ZONE_TERMINATE -> "no basis allows it there";
		};
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
