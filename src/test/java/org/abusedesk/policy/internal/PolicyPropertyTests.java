package org.abusedesk.policy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** Properties of evaluation over generated facts. */
class PolicyPropertyTests {

	private static final List<String> JURISDICTIONS = List.of("DE", "FR", "US", "BR");

	/**
	 * Facts from four numbers: service, report type, reporter kind, and a bag of bits.
	 */
	private static Gen<DecisionFacts> facts(Gen<Integer> services) {
		return services.zip(integers().between(0, Vocabulary.REPORT_TYPES.size() - 1),
				integers().between(0, Vocabulary.REPORTER_KINDS.size() - 1), integers().between(0, (1 << 12) - 1),
				(service, type, kind, bits) -> new DecisionFacts(Service.values()[service],
						Vocabulary.REPORT_TYPES.get(type), Vocabulary.REPORTER_KINDS.get(kind),
						bit(bits, 8) ? JURISDICTIONS.get(bits >>> 10) : null,
						bit(bits, 9) ? List.of(JURISDICTIONS.get(bits >>> 10)) : List.of(), bit(bits, 0), bit(bits, 1),
						bit(bits, 2), bit(bits, 3), bit(bits, 4), bit(bits, 5), bit(bits, 6), bit(bits, 7)));
	}

	private static boolean bit(int bits, int index) {
		return (bits & (1 << index)) != 0;
	}

	/**
	 * A policy that never went through the checker and proposes every mitigation for
	 * everything: only the run-time guardrails stand between it and the content.
	 */
	private static CompiledPolicy reckless() {
		List<MitigationTemplate> everything = new ArrayList<>();
		for (MitigationType type : MitigationType.values()) {
			everything.add(new MitigationTemplate(type, EntityType.URL_PATTERN, false, Duration.ZERO,
					Duration.ofHours(72), Duration.ofHours(24)));
		}
		CompiledRule rule = new CompiledRule("reckless", 1, -1 >>> 1, -1 >>> 1, CompiledRule.ANY, null, 0, 0,
				List.of(NotificationKind.LAW_ENFORCEMENT_REFERRAL), everything, Review.TWO_DISTINCT_APPROVERS,
				Priority.P1, Duration.ofHours(1), null, ExplanationTemplate.parse("All of it.", new ArrayList<>()));
		return new CompiledPolicy("reckless-1", List.of(rule));
	}

	private static boolean hasBasis(ProposedMitigation mitigation, DecisionFacts facts) {
		return switch (mitigation.type()) {
			case PHISHING_INTERSTITIAL -> facts.phishingConfirmed();
			case MALWARE_BLOCK -> facts.malwareConfirmed();
			case CONTENT_DISABLE -> facts.reportType().equals("children");
			case LEGAL_BLOCK -> facts.reportType().equals("legal_order") && !facts.orderScope().isEmpty()
					&& facts.orderScope().containsAll(mitigation.territorialScope())
					&& !mitigation.territorialScope().isEmpty();
			case EMERGENCY_BLOCK -> facts.emergencyDeclared();
			case ACCOUNT_SUSPEND, ZONE_TERMINATE -> false;
		};
	}

	@Test
	void noReportOnAProxyOnlyPropertyYieldsAMitigationWithoutItsBasis() {
		CompiledPolicy reckless = reckless();
		qt().withExamples(5000).forAll(facts(integers().between(0, 0))).checkAssert((facts) -> {
			assertThat(facts.service()).isEqualTo(Service.PROXY);
			for (CompiledPolicy policy : List.of(DefaultPolicyTests.policy, reckless)) {
				ResponsePlan plan = policy.evaluate(facts);
				assertThat(plan.mitigations())
					.allSatisfy((m) -> assertThat(hasBasis(m, facts)).as(m + " " + facts).isTrue());
			}
		});
	}

	@Test
	void evaluationIsDeterministic() {
		CompiledPolicy recompiled = PolicyRegistry.compileOrFail(PolicyRegistry.defaultDocument());
		qt().withExamples(5000)
			.forAll(facts(integers().between(0, Service.values().length - 1)))
			.checkAssert((facts) -> {
				ResponsePlan first = DefaultPolicyTests.policy.evaluate(facts);
				assertThat(DefaultPolicyTests.policy.evaluate(facts)).isEqualTo(first);
				assertThat(recompiled.evaluate(facts)).isEqualTo(first);
				assertThat(DefaultPolicyTests.policy.evaluate(copy(facts))).isEqualTo(first);
			});
	}

	@Test
	void everyPlanOfTheDefaultPolicyKeepsTheGuardrailsAndHasARule() {
		qt().withExamples(5000)
			.forAll(facts(integers().between(0, Service.values().length - 1)))
			.checkAssert((facts) -> {
				ResponsePlan plan = DefaultPolicyTests.policy.evaluate(facts);
				assertThat(plan.rule()).isNotEqualTo(CompiledPolicy.NO_RULE);
				assertThat(Guardrails.violation(plan, facts)).isNull();
				if (facts.accountAtRisk() && !plan.mitigations().isEmpty()) {
					assertThat(plan.review()).isEqualTo(Review.SENIOR);
				}
			});
	}

	private static DecisionFacts copy(DecisionFacts f) {
		return new DecisionFacts(f.service(), new String(f.reportType()), new String(f.reporterKind()),
				f.jurisdiction(), new ArrayList<>(f.orderScope()), f.accountAtRisk(), f.originHostKnown(),
				f.phishingConfirmed(), f.malwareConfirmed(), f.trustedFlagger(), f.repeatInfringer(),
				f.threatImminent(), f.emergencyDeclared());
	}

}
