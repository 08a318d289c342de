package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.PolicyProblem;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every guardrail, twice: a document that tries to break it is rejected by the checker
 * with the line of the offending plan, and a plan that breaks it at run time (from a rule
 * that never went through the checker) is refused and sent to a senior reviewer.
 */
class GuardrailTests {

	/**
	 * A document whose first rule starts on line 3 and whose plan body starts on line 6.
	 */
	static String document(String rule) {
		return """
				version: guardrail-test
				rules:
				%s
				  - id: fallback
				    plan: { review: one, priority: p3, due: 72h, explanation: A person looks at it. }
				""".formatted(rule.stripTrailing().indent(2).stripTrailing());
	}

	static List<PolicyProblem> check(String rule) {
		return PolicyCompiler.compile(document(rule)).problems();
	}

	/**
	 * A rule that breaks a guardrail, one a line: what it tries, its id, match,
	 * mitigation, review, priority and due, and the guardrail the checker names at its
	 * plan's line.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					content disable on proxy without basis | proxy.takedown | { service: proxy, report_type: general } | { type: content_disable, entity_type: url_pattern } | none | p3 | 24h | basis_required
					interstitial on dns without confirmed phishing | dns.interstitial | { service: [hosting, dns], report_type: phishing } | { type: phishing_interstitial, entity_type: url_pattern } | one | p3 | 24h | basis_required
					account suspension on resolver whatever the facts | resolver.suspend | { service: resolver, report_type: phishing, facts: { phishing_confirmed: true } } | { type: account_suspend, entity_type: account } | senior | p3 | 24h | basis_required
					emergency block with one approver | emergency.quick | { facts: { emergency_declared: true } } | { type: emergency_block, entity_type: url_pattern } | one | p1 | 1h | emergency
					emergency block without a declared emergency | hosting.emergency | { service: hosting, report_type: threat } | { type: emergency_block, entity_type: url_pattern } | two_distinct_approvers | p1 | 1h | emergency
					emergency block reviewed after it expires | emergency.late_review | { facts: { emergency_declared: true } } | { type: emergency_block, entity_type: url_pattern, expires: 72h, review: 96h } | two_distinct_approvers | p1 | 1h | emergency
					mitigation against an at-risk account without senior review | hosting.at_risk | { service: hosting, facts: { account_at_risk: true } } | { type: content_disable, entity_type: url_pattern } | one | p3 | 24h | at_risk
					legal block beyond the territory of the order | hosting.legal_global | { service: hosting, report_type: legal_order } | { type: legal_block, entity_type: url_pattern, scope: global } | one | p3 | 24h | legal_scope
					legal block for something other than a legal order | hosting.legal_general | { service: hosting, report_type: [legal_order, general] } | { type: legal_block, entity_type: url_pattern, scope: order } | one | p3 | 24h | legal_scope
					""")
	void aRuleThatBreaksAGuardrailIsRejectedAtItsPlan(String what, String id, String match, String mitigation,
			String review, String priority, String due, String guardrail) {
		List<PolicyProblem> problems = check("""
				- id: %s
				  match: %s
				  plan:
				    mitigations: [%s]
				    review: %s
				    priority: %s
				    due: %s
				    explanation: Acted.""".formatted(id, match, mitigation, review, priority, due));
		assertThat(problems).isNotEmpty();
		assertThat(problems).anySatisfy((problem) -> {
			assertThat(problem.line()).isEqualTo(6);
			assertThat(problem.message()).contains("guardrail " + guardrail);
		});
	}

	@Test
	void emergencyBlockGetsTheDefaultExpiryAndAlwaysALawEnforcementReferral() {
		PolicyCompiler.Compilation compilation = PolicyCompiler.compile(document("""
				- id: emergency
				  match: { facts: { emergency_declared: true } }
				  plan:
				    notify: [notify_owner]
				    mitigations: [{ type: emergency_block, entity_type: url_pattern }]
				    review: two_distinct_approvers
				    priority: p1
				    due: 1h
				    explanation: Blocked."""));
		assertThat(compilation.problems()).isEmpty();
		ResponsePlan plan = compilation.policy()
			.evaluate(DecisionFacts.of(Service.HOSTING, "threat", "individual").withEmergencyDeclared());
		assertThat(plan.notifications()).contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL);
		assertThat(plan.mitigations().get(0).expiresAfter()).isEqualTo(Duration.ofHours(72));
		assertThat(plan.mitigations().get(0).reviewAfter()).isPositive();
	}

	// Run time: rules built directly, as if the checker had been bypassed.

	private static CompiledPolicy unchecked(Service service, MitigationTemplate mitigation, Review review,
			List<NotificationKind> notifications) {
		CompiledRule rule = new CompiledRule("unchecked", 1, 1 << service.ordinal(), -1 >>> 1, CompiledRule.ANY, null,
				0, 0, notifications, List.of(mitigation), review, Priority.P3, Duration.ofHours(24), null,
				ExplanationTemplate.parse("Acted.", new ArrayList<>()));
		return new CompiledPolicy("unchecked-1", List.of(rule));
	}

	private static MitigationTemplate mitigation(MitigationType type, boolean orderScope) {
		return new MitigationTemplate(type, EntityType.URL_PATTERN, orderScope, Duration.ZERO, Duration.ofHours(72),
				Duration.ofHours(24));
	}

	@Test
	void atRunTimeContentMitigationOnProxyWithoutBasisIsRefused() {
		for (Service service : List.of(Service.PROXY, Service.DNS, Service.RESOLVER)) {
			for (MitigationType type : MitigationType.values()) {
				ResponsePlan plan = unchecked(service, mitigation(type, true), Review.TWO_DISTINCT_APPROVERS,
						List.of(NotificationKind.LAW_ENFORCEMENT_REFERRAL))
					.evaluate(DecisionFacts.of(service, "general", "individual"));
				assertThat(plan.refused()).as(service + " " + type).isTrue();
				assertThat(plan.refusal()).startsWith("basis_required");
				assertThat(plan.mitigations()).isEmpty();
				assertThat(plan.review()).isEqualTo(Review.SENIOR);
			}
		}
	}

	@Test
	void atRunTimeEmergencyBlockWithoutReferralOrSecondApproverIsRefused() {
		DecisionFacts emergency = DecisionFacts.of(Service.HOSTING, "threat", "individual").withEmergencyDeclared();
		MitigationTemplate block = mitigation(MitigationType.EMERGENCY_BLOCK, false);
		assertThat(unchecked(Service.HOSTING, block, Review.TWO_DISTINCT_APPROVERS, List.of()).evaluate(emergency)
			.refusal()).startsWith("emergency");
		assertThat(unchecked(Service.HOSTING, block, Review.ONE, List.of(NotificationKind.LAW_ENFORCEMENT_REFERRAL))
			.evaluate(emergency)
			.refusal()).startsWith("emergency");
		assertThat(unchecked(Service.HOSTING, block, Review.TWO_DISTINCT_APPROVERS,
				List.of(NotificationKind.LAW_ENFORCEMENT_REFERRAL))
			.evaluate(emergency)
			.refused()).isFalse();
	}

	@Test
	void atRunTimeMitigationAgainstAtRiskAccountWithoutSeniorIsRefused() {
		DecisionFacts atRisk = new DecisionFacts(Service.HOSTING, "general", "individual", null, List.of(), true, false,
				false, false, false, false, false, false);
		ResponsePlan plan = unchecked(Service.HOSTING, mitigation(MitigationType.CONTENT_DISABLE, false), Review.ONE,
				List.of())
			.evaluate(atRisk);
		assertThat(plan.refusal()).startsWith("at_risk");
		assertThat(
				unchecked(Service.HOSTING, mitigation(MitigationType.CONTENT_DISABLE, false), Review.SENIOR, List.of())
					.evaluate(atRisk)
					.refused())
			.isFalse();
	}

	@Test
	void atRunTimeLegalBlockBeyondTheOrdersTerritoryIsRefused() {
		DecisionFacts order = new DecisionFacts(Service.HOSTING, "legal_order", "government", "DE", List.of("DE"),
				false, false, false, false, false, false, false, false);
		assertThat(unchecked(Service.HOSTING, mitigation(MitigationType.LEGAL_BLOCK, false), Review.ONE, List.of())
			.evaluate(order)
			.refusal()).startsWith("legal_scope");
		ResponsePlan wider = new ResponsePlan(
				"v", "r", List.of(), List.of(new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN,
						List.of("DE", "FR"), Duration.ZERO, null, null)),
				Review.ONE, Priority.P3, Duration.ofHours(1), null, null, "x");
		assertThat(Guardrails.enforce(wider, order).refusal()).startsWith("legal_scope");
		assertThat(unchecked(Service.HOSTING, mitigation(MitigationType.LEGAL_BLOCK, true), Review.ONE, List.of())
			.evaluate(order)
			.refused()).isFalse();
	}

}
