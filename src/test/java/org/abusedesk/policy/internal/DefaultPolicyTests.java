package org.abusedesk.policy.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.AT_RISK;
import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.IMMINENT;
import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.MALWARE;
import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.ORIGIN_KNOWN;
import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.PHISHING;
import static org.abusedesk.policy.internal.DefaultPolicyTests.Known.REPEAT;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the default policy, each reached by the facts it is written for. */
class DefaultPolicyTests {

	static final CompiledPolicy policy = PolicyRegistry.compileOrFail(PolicyRegistry.defaultDocument());

	private static final Set<String> reached = new java.util.concurrent.ConcurrentSkipListSet<>();

	private static ResponsePlan decide(DecisionFacts facts) {
		ResponsePlan plan = policy.evaluate(facts);
		reached.add(plan.rule());
		return plan;
	}

	/** What is known of a report beyond its service, type and reporter. */
	enum Known {

		AT_RISK, ORIGIN_KNOWN, PHISHING, MALWARE, REPEAT, IMMINENT

	}

	private static DecisionFacts facts(Service service, String type, Known... known) {
		return with(DecisionFacts.of(service, type, "individual"), null, List.of(), known);
	}

	/** {@code f} with a jurisdiction, a territorial scope and what else is known. */
	private static DecisionFacts with(DecisionFacts f, String jurisdiction, List<String> scope, Known... known) {
		Set<Known> is = EnumSet.noneOf(Known.class);
		is.addAll(List.of(known));
		return new DecisionFacts(f.service(), f.reportType(), f.reporterKind(), jurisdiction, scope,
				is.contains(Known.AT_RISK), is.contains(Known.ORIGIN_KNOWN), is.contains(Known.PHISHING),
				is.contains(Known.MALWARE), f.trustedFlagger(), is.contains(Known.REPEAT), is.contains(Known.IMMINENT),
				f.emergencyDeclared());
	}

	/** Decides the facts, checking the rule that decided and the review it asks for. */
	private static ResponsePlan decided(DecisionFacts facts, String rule, Review review) {
		ResponsePlan plan = decide(facts);
		assertThat(plan.rule()).isEqualTo(rule);
		assertThat(plan.review()).isEqualTo(review);
		return plan;
	}

	private static List<MitigationType> types(ResponsePlan plan) {
		return plan.mitigations().stream().map(ProposedMitigation::type).toList();
	}

	@Test
	void defaultPolicyIsValidAndCoversEveryServiceAndReportType() {
		assertThat(PolicyCompiler.compile(PolicyRegistry.defaultDocument()).problems()).isEmpty();
		for (Service service : Service.values()) {
			for (String type : Vocabulary.REPORT_TYPES) {
				assertThat(policy.evaluate(facts(service, type)).rule()).isNotEqualTo(CompiledPolicy.NO_RULE);
			}
		}
	}

	@Test
	void hostedDoxingWithAnAddressAndAPhoneIsReviewedFirst() {
		ResponsePlan plan = decide(
				facts(Service.HOSTING, "privacy").withContent(List.of("street_address", "phone"), List.of()));
		assertThat(plan.rule()).isEqualTo("hosting.doxing");
		assertThat(plan.priority()).isEqualTo(Priority.P1);
		assertThat(plan.review()).isEqualTo(Review.ONE);
		assertThat(plan.explanation()).contains("(phone, street address)");
		// an address alone, or on a proxied site, is the usual review
		assertThat(decide(facts(Service.HOSTING, "threat").withContent(List.of("street_address"), List.of())).rule())
			.isEqualTo("hosting.review");
		assertThat(decide(facts(Service.PROXY, "privacy").withContent(List.of("street_address", "phone"), List.of()))
			.mitigations()).isEmpty();
	}

	@Test
	void knownContentOnHostingIsReviewedFirst() {
		ResponsePlan plan = decide(facts(Service.HOSTING, "general").withContent(List.of(), List.of("ncmec")));
		assertThat(plan.rule()).isEqualTo("hosting.known_content");
		assertThat(plan.priority()).isEqualTo(Priority.P1);
		assertThat(plan.review()).isEqualTo(Review.ONE);
		assertThat(plan.explanation()).contains("(ncmec)");
	}

	@Test
	void emergencyProposesAnEmergencyBlockForTwoApproversWithExpiryAndReferral() {
		ResponsePlan plan = decide(facts(Service.HOSTING, "threat").withEmergencyDeclared());
		assertThat(plan.rule()).isEqualTo("emergency");
		assertThat(types(plan)).containsExactly(MitigationType.EMERGENCY_BLOCK);
		assertThat(plan.review()).isEqualTo(Review.TWO_DISTINCT_APPROVERS);
		assertThat(plan.mitigations().get(0).expiresAfter()).hasHours(72);
		assertThat(plan.mitigations().get(0).reviewAfter()).hasHours(24);
		assertThat(plan.notifications()).contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL);
		assertThat(decide(facts(Service.PROXY, "general").withEmergencyDeclared()).refused()).isFalse();
	}

	@Test
	void authorityRequestsAgainstAtRiskAccountsGoToSeniorReviewAndNeverAct() {
		for (String kind : List.of("government", "law_enforcement")) {
			for (Service service : Service.values()) {
				DecisionFacts facts = with(DecisionFacts.of(service, "legal_order", kind), "DE", List.of("DE"), AT_RISK,
						ORIGIN_KNOWN);
				ResponsePlan plan = decided(facts, "at_risk.authority_request", Review.SENIOR);
				assertThat(plan.mitigations()).isEmpty();
			}
		}
	}

	@Test
	void atRiskAccountsOnHostingAndRegistrarGoToSeniorReview() {
		decided(facts(Service.HOSTING, "general", AT_RISK), "at_risk.senior_review", Review.SENIOR);
		assertThat(decide(facts(Service.REGISTRAR, "phishing", AT_RISK)).rule()).isEqualTo("at_risk.senior_review");
	}

	@Test
	void registrarDataRequestsToOtherServicesAreDeniedAsWrongCategory() {
		for (Service service : List.of(Service.PROXY, Service.HOSTING, Service.DNS, Service.RESOLVER)) {
			ResponsePlan plan = decide(facts(service, "registrar_whois"));
			assertThat(plan.rule()).isEqualTo("wrong_service.registrar_whois");
			assertThat(plan.denialReason()).isEqualTo("wrong_report_category");
		}
	}

	@Test
	void proxyChildrenIsRemovedFromTheNetworkAtOnceAndReferredToNcmec() {
		ResponsePlan plan = decided(facts(Service.PROXY, "children"), "proxy.children", Review.NONE);
		assertThat(types(plan)).containsExactly(MitigationType.CONTENT_DISABLE);
		assertThat(plan.mitigations().get(0).effectiveAfter()).isZero();
		assertThat(plan.notifications()).contains(NotificationKind.NCMEC_REFERRAL, NotificationKind.FORWARD_TO_HOST,
				NotificationKind.NOTIFY_OWNER);
	}

	@Test
	void proxyConfirmedPhishingGetsAnInterstitial() {
		ResponsePlan plan = decide(facts(Service.PROXY, "phishing", ORIGIN_KNOWN, PHISHING));
		assertThat(plan.rule()).isEqualTo("proxy.phishing_confirmed");
		assertThat(types(plan)).containsExactly(MitigationType.PHISHING_INTERSTITIAL);
	}

	@Test
	void proxyConfirmedMalwareIsBlocked() {
		ResponsePlan plan = decide(facts(Service.PROXY, "phishing", ORIGIN_KNOWN, MALWARE));
		assertThat(plan.rule()).isEqualTo("proxy.malware_confirmed");
		assertThat(types(plan)).containsExactly(MitigationType.MALWARE_BLOCK);
	}

	@Test
	void proxyRepeatInfringerGetsAnAccountReviewButNoMitigation() {
		ResponsePlan plan = decided(facts(Service.PROXY, "dmca", ORIGIN_KNOWN, REPEAT), "proxy.dmca_repeat_infringer",
				Review.ONE);
		assertThat(plan.mitigations()).isEmpty();
	}

	@Test
	void hostedRepeatInfringerGoesToASeniorWithTheTakedown() {
		ResponsePlan plan = decided(facts(Service.HOSTING, "dmca", REPEAT), "hosting.dmca_repeat_infringer",
				Review.SENIOR);
		assertThat(types(plan)).containsExactly(MitigationType.CONTENT_DISABLE);
		assertThat(plan.explanation()).contains("repeat-infringer policy");
	}

	@Test
	void proxyLegalOrderBlocksOnlyInTheOrderingTerritoryAfterLegalReview() {
		ResponsePlan plan = decide(with(facts(Service.PROXY, "legal_order"), "DE", List.of("DE", "AT"), ORIGIN_KNOWN));
		assertThat(plan.rule()).isEqualTo("proxy.legal_order");
		assertThat(plan.mitigations()).singleElement()
			.satisfies((m) -> assertThat(m.territorialScope()).containsExactly("DE", "AT"));
		assertThat(plan.review()).isEqualTo(Review.ONE);
		assertThat(plan.explanation()).contains("DE, AT").contains("authority in DE");
	}

	@Test
	void proxyLegalOrderWithoutARecordedScopeIsRefusedToASeniorReviewer() {
		ResponsePlan plan = decide(facts(Service.PROXY, "legal_order"));
		assertThat(plan.refused()).isTrue();
		assertThat(plan.refusal()).startsWith("basis_required");
		assertThat(plan.mitigations()).isEmpty();
		assertThat(plan.review()).isEqualTo(Review.SENIOR);
	}

	@Test
	void proxyForwardsToHostOwnerAndReporterWhenTheHostIsKnown() {
		ResponsePlan plan = decide(facts(Service.PROXY, "phishing", ORIGIN_KNOWN));
		assertThat(plan.rule()).isEqualTo("proxy.forward");
		assertThat(plan.notifications()).containsExactly(NotificationKind.FORWARD_TO_HOST,
				NotificationKind.NOTIFY_OWNER, NotificationKind.NOTIFY_REPORTER);
		assertThat(plan.mitigations()).isEmpty();
		assertThat(plan.review()).isEqualTo(Review.NONE);
	}

	@Test
	void proxyWithUnknownHostTellsTheOwnerAndAPersonFindsTheHost() {
		decided(facts(Service.PROXY, "general"), "proxy.origin_host_unknown", Review.ONE);
	}

	@Test
	void hostingChildrenIsDisabledWithoutGracePeriodAfterReview() {
		ResponsePlan plan = decide(facts(Service.HOSTING, "children"));
		assertThat(plan.rule()).isEqualTo("hosting.children");
		assertThat(plan.mitigations().get(0).effectiveAfter()).isZero();
		assertThat(plan.review()).isEqualTo(Review.ONE);
		assertThat(plan.notifications()).contains(NotificationKind.NCMEC_REFERRAL);
	}

	@Test
	void hostingImminentThreatIsDisabledWithoutGracePeriod() {
		ResponsePlan plan = decide(facts(Service.HOSTING, "threat", IMMINENT));
		assertThat(plan.rule()).isEqualTo("hosting.threat_imminent");
		assertThat(plan.mitigations().get(0).effectiveAfter()).isZero();
	}

	@Test
	void hostingDmcaIsNoticeAndTakedownWithTheCustomersGracePeriod() {
		ResponsePlan plan = decide(facts(Service.HOSTING, "dmca"));
		assertThat(plan.rule()).isEqualTo("hosting.dmca");
		assertThat(plan.mitigations().get(0).type()).isEqualTo(MitigationType.CONTENT_DISABLE);
		assertThat(plan.mitigations().get(0).effectiveAfter()).hasHours(24);
	}

	@Test
	void hostingLegalOrderIsALegalBlockInTheOrdersTerritory() {
		ResponsePlan plan = decide(with(facts(Service.HOSTING, "legal_order"), "FR", List.of("FR")));
		assertThat(plan.rule()).isEqualTo("hosting.legal_order");
		assertThat(plan.mitigations().get(0).type()).isEqualTo(MitigationType.LEGAL_BLOCK);
		assertThat(plan.mitigations().get(0).territorialScope()).containsExactly("FR");
	}

	@Test
	void hostingContentIsReviewedThenDisabledAfterTheGracePeriod() {
		for (String type : List.of("trademark", "phishing", "ncsei", "threat", "privacy", "general")) {
			ResponsePlan plan = decide(facts(Service.HOSTING, type));
			assertThat(plan.rule()).as(type).isEqualTo("hosting.review");
			assertThat(plan.review()).isEqualTo(Review.ONE);
			assertThat(plan.mitigations().get(0).effectiveAfter()).hasHours(24);
		}
	}

	@Test
	void registrarRules() {
		assertThat(decide(facts(Service.REGISTRAR, "registrar_whois")).rule()).isEqualTo("registrar.whois");
		ResponsePlan trademark = decide(facts(Service.REGISTRAR, "trademark"));
		assertThat(trademark.rule()).isEqualTo("registrar.trademark");
		assertThat(trademark.denialReason()).isEqualTo("domain_dispute_process_required");
		assertThat(decide(facts(Service.REGISTRAR, "phishing")).review()).isEqualTo(Review.ONE);
		assertThat(decide(facts(Service.REGISTRAR, "phishing")).rule()).isEqualTo("registrar.abuse");
		assertThat(decide(facts(Service.REGISTRAR, "children")).rule()).isEqualTo("registrar.children");
		assertThat(decide(facts(Service.REGISTRAR, "dmca")).rule()).isEqualTo("registrar.review");
	}

	@Test
	void dnsForwardsAndNeverActsOnContent() {
		assertThat(decide(facts(Service.DNS, "children")).rule()).isEqualTo("dns.children");
		for (String type : Vocabulary.REPORT_TYPES) {
			assertThat(decide(facts(Service.DNS, type)).mitigations()).isEmpty();
		}
		assertThat(decide(facts(Service.DNS, "general")).rule()).isEqualTo("dns.forward");
	}

	@Test
	void resolverLegalOrdersGoToLegalReviewStatingTheBlockWouldBeGlobal() {
		ResponsePlan plan = decided(with(facts(Service.RESOLVER, "legal_order"), "DE", List.of("DE")),
				"resolver.legal_order", Review.SENIOR);
		assertThat(plan.mitigations()).isEmpty();
		assertThat(plan.explanation()).contains("worldwide");
		assertThat(decide(facts(Service.RESOLVER, "general")).rule()).isEqualTo("resolver.review");
	}

	@Test
	void aSuspectedCampaignIsHeldForAPersonAndNothingAutomaticHappensAgainstAnAtRiskAccount() {
		DecisionFacts proxied = facts(Service.PROXY, "general", ORIGIN_KNOWN);
		assertThat(decide(proxied).notifications()).contains(NotificationKind.FORWARD_TO_HOST);
		ResponsePlan held = decide(proxied.withSuspicions(true, false));
		assertThat(held.rule()).isEqualTo("campaign.hold");
		assertThat(held.notifications()).isEmpty();
		assertThat(held.review()).isEqualTo(Review.ONE);
		assertThat(held.mitigations()).isEmpty();

		DecisionFacts atRisk = facts(Service.PROXY, "phishing", AT_RISK, ORIGIN_KNOWN, PHISHING);
		ResponsePlan senior = decide(atRisk.withSuspicions(true, false));
		assertThat(senior.rule()).isEqualTo("campaign.at_risk");
		assertThat(senior.review()).isEqualTo(Review.SENIOR);
		assertThat(senior.notifications()).isEmpty();
		assertThat(senior.mitigations()).isEmpty();

		// child sexual abuse material keeps its own rule, and an emergency stays one
		assertThat(decide(facts(Service.PROXY, "children").withSuspicions(true, false)).rule())
			.isEqualTo("proxy.children");
		assertThat(decide(facts(Service.HOSTING, "threat").withEmergencyDeclared().withSuspicions(true, false)).rule())
			.isEqualTo("emergency");
	}

	@Test
	void anAuthorityCitingOurOwnPolicyLanguageGoesToASeniorWhateverTheRule() {
		DecisionFacts government = DecisionFacts.of(Service.HOSTING, "general", "government");
		assertThat(decide(government).review()).isEqualTo(Review.ONE);
		ResponsePlan citing = decide(government.withSuspicions(false, true));
		assertThat(citing.rule()).isEqualTo("hosting.review");
		assertThat(citing.review()).isEqualTo(Review.SENIOR);
		assertThat(citing.refused()).isFalse();
		// on a proxy the forward needs no one; citing our policy, it needs a senior
		DecisionFacts police = with(DecisionFacts.of(Service.PROXY, "general", "law_enforcement"), null, List.of(),
				ORIGIN_KNOWN);
		assertThat(decide(police.withSuspicions(false, true)).review()).isEqualTo(Review.SENIOR);
		// the fact alone, from anyone else, changes nothing
		assertThat(decide(facts(Service.HOSTING, "general").withSuspicions(false, true)).review())
			.isEqualTo(Review.ONE);
		// an emergency keeps its two distinct approvers
		assertThat(decide(DecisionFacts.of(Service.HOSTING, "threat", "government")
			.withEmergencyDeclared()
			.withSuspicions(false, true)).review()).isEqualTo(Review.TWO_DISTINCT_APPROVERS);
	}

	@Test
	void theCampaignSettingsAreTheDefaultPolicysOwn() {
		assertThat(policy.campaignSettings()).satisfies((settings) -> {
			assertThat(settings.policyVersion()).isEqualTo(policy.version());
			assertThat(settings.window()).hasHours(24);
			assertThat(settings.minReporters()).isEqualTo(10);
			assertThat(settings.minNearIdentical()).isEqualTo(3);
			assertThat(settings.similarity()).isEqualTo(0.7);
			assertThat(settings.minTokenReports()).isEqualTo(10);
			assertThat(settings.forwardBudget()).isEqualTo(25);
			assertThat(settings.atRiskForwardBudget()).isEqualTo(1);
		});
	}

	@AfterAll
	static void everyRuleWasReached() {
		Set<String> all = policy.rules().stream().map(CompiledRule::id).collect(Collectors.toSet());
		assertThat(reached).containsAll(all);
	}

}
