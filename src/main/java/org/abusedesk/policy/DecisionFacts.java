package org.abusedesk.policy;

import java.util.List;

import org.abusedesk.catalog.Service;

/**
 * Everything a decision may depend on, and nothing else: the same facts and policy
 * version always give the same plan. Stored with every decision, so that a decision can
 * be explained, repeated and replayed against a draft policy (backtest).
 *
 * @param service the service the provider gives the reported property
 * @param reportType wire value of the report type
 * @param reporterKind wire value of the reporter kind
 * @param jurisdiction ISO 3166 code of the jurisdiction the report (or order) comes from,
 * or {@code null} when unknown
 * @param orderScope for a {@code legal_order}, the ISO 3166 codes of the territory the
 * order covers; empty otherwise (never {@code null})
 * @param accountAtRisk whether the account is flagged {@code at_risk}
 * @param originHostKnown for proxied properties, whether the origin host's abuse contact
 * is known
 * @param phishingConfirmed whether phishing was confirmed (by a reviewer or a trusted
 * check)
 * @param malwareConfirmed whether malware distribution was confirmed
 * @param trustedFlagger whether the reporter has trusted-flagger status
 * @param repeatInfringer whether the account is a repeat infringer (DMCA)
 * @param threatImminent for a {@code threat}, whether the threat is imminent
 * @param emergencyDeclared whether staff declared an emergency on the case (imminent
 * threat to human life)
 * @param personalDataDetected whether the report's evidence or snapshot holds personal
 * data that can endanger someone (doxing): a fact for prioritising, never a basis for
 * removal by itself
 * @param personalDataKinds the kinds found, as wire values, sorted (never {@code null})
 * @param knownContentMatch whether a file of the report is on a known-content hash list
 * @param knownContentLists the names of the lists it is on, sorted (never {@code null})
 * @param campaignSuspected whether the report is part of a suspected campaign against the
 * account (many reporters, near-identical texts, or one reporter's token in the window
 * the policy sets; issue 15)
 * @param policyLanguageCited whether the report cites the provider's own policy language
 * (configured phrases); for authorities a guardrail sends it to a senior reviewer
 */
public record DecisionFacts(Service service, String reportType, String reporterKind, String jurisdiction,
		List<String> orderScope, boolean accountAtRisk, boolean originHostKnown, boolean phishingConfirmed,
		boolean malwareConfirmed, boolean trustedFlagger, boolean repeatInfringer, boolean threatImminent,
		boolean emergencyDeclared, boolean personalDataDetected, List<String> personalDataKinds,
		boolean knownContentMatch, List<String> knownContentLists, boolean campaignSuspected,
		boolean policyLanguageCited) {

	public DecisionFacts {
		orderScope = (orderScope != null) ? List.copyOf(orderScope) : List.of();
		personalDataKinds = (personalDataKinds != null) ? List.copyOf(personalDataKinds) : List.of();
		knownContentLists = (knownContentLists != null) ? List.copyOf(knownContentLists) : List.of();
	}

	/** Facts without a suspicion of a campaign or of policy language cited. */
	public DecisionFacts(Service service, String reportType, String reporterKind, String jurisdiction,
			List<String> orderScope, boolean accountAtRisk, boolean originHostKnown, boolean phishingConfirmed,
			boolean malwareConfirmed, boolean trustedFlagger, boolean repeatInfringer, boolean threatImminent,
			boolean emergencyDeclared, boolean personalDataDetected, List<String> personalDataKinds,
			boolean knownContentMatch, List<String> knownContentLists) {
		this(service, reportType, reporterKind, jurisdiction, orderScope, accountAtRisk, originHostKnown,
				phishingConfirmed, malwareConfirmed, trustedFlagger, repeatInfringer, threatImminent, emergencyDeclared,
				personalDataDetected, personalDataKinds, knownContentMatch, knownContentLists, false, false);
	}

	/** Facts of a report whose content was not looked at. */
	public DecisionFacts(Service service, String reportType, String reporterKind, String jurisdiction,
			List<String> orderScope, boolean accountAtRisk, boolean originHostKnown, boolean phishingConfirmed,
			boolean malwareConfirmed, boolean trustedFlagger, boolean repeatInfringer, boolean threatImminent,
			boolean emergencyDeclared) {
		this(service, reportType, reporterKind, jurisdiction, orderScope, accountAtRisk, originHostKnown,
				phishingConfirmed, malwareConfirmed, trustedFlagger, repeatInfringer, threatImminent, emergencyDeclared,
				false, List.of(), false, List.of());
	}

	/**
	 * Facts with every optional fact absent: no jurisdiction, no scope, all flags false.
	 */
	public static DecisionFacts of(Service service, String reportType, String reporterKind) {
		return new DecisionFacts(service, reportType, reporterKind, null, List.of(), false, false, false, false, false,
				false, false, false);
	}

	/**
	 * The same facts with phishing and malware confirmed as given, each in addition to
	 * what was confirmed already.
	 */
	public DecisionFacts withConfirmed(boolean phishing, boolean malware) {
		return new DecisionFacts(this.service, this.reportType, this.reporterKind, this.jurisdiction, this.orderScope,
				this.accountAtRisk, this.originHostKnown, this.phishingConfirmed || phishing,
				this.malwareConfirmed || malware, this.trustedFlagger, this.repeatInfringer, this.threatImminent,
				this.emergencyDeclared, this.personalDataDetected, this.personalDataKinds, this.knownContentMatch,
				this.knownContentLists, this.campaignSuspected, this.policyLanguageCited);
	}

	/** The same facts with the account a repeat infringer as given (strikes). */
	public DecisionFacts withRepeatInfringer(boolean repeat) {
		return new DecisionFacts(this.service, this.reportType, this.reporterKind, this.jurisdiction, this.orderScope,
				this.accountAtRisk, this.originHostKnown, this.phishingConfirmed, this.malwareConfirmed,
				this.trustedFlagger, repeat, this.threatImminent, this.emergencyDeclared, this.personalDataDetected,
				this.personalDataKinds, this.knownContentMatch, this.knownContentLists, this.campaignSuspected,
				this.policyLanguageCited);
	}

	/** The same facts with an emergency declared. */
	public DecisionFacts withEmergencyDeclared() {
		return new DecisionFacts(this.service, this.reportType, this.reporterKind, this.jurisdiction, this.orderScope,
				this.accountAtRisk, this.originHostKnown, this.phishingConfirmed, this.malwareConfirmed,
				this.trustedFlagger, this.repeatInfringer, this.threatImminent, true, this.personalDataDetected,
				this.personalDataKinds, this.knownContentMatch, this.knownContentLists, this.campaignSuspected,
				this.policyLanguageCited);
	}

	/**
	 * The same facts with what was found in the report's content.
	 * @param personalDataKinds the kinds of personal data found (wire values)
	 * @param knownContentLists the known-content lists a file is on
	 */
	public DecisionFacts withContent(List<String> personalDataKinds, List<String> knownContentLists) {
		List<String> kinds = personalDataKinds.stream().distinct().sorted().toList();
		List<String> lists = knownContentLists.stream().distinct().sorted().toList();
		return new DecisionFacts(this.service, this.reportType, this.reporterKind, this.jurisdiction, this.orderScope,
				this.accountAtRisk, this.originHostKnown, this.phishingConfirmed, this.malwareConfirmed,
				this.trustedFlagger, this.repeatInfringer, this.threatImminent, this.emergencyDeclared,
				!kinds.isEmpty(), kinds, !lists.isEmpty(), lists, this.campaignSuspected, this.policyLanguageCited);
	}

	/**
	 * The same facts with what the weaponisation defences suspect (issue 15).
	 * @param campaign whether the report is part of a suspected campaign
	 * @param citesPolicy whether it cites the provider's own policy language
	 */
	public DecisionFacts withSuspicions(boolean campaign, boolean citesPolicy) {
		return new DecisionFacts(this.service, this.reportType, this.reporterKind, this.jurisdiction, this.orderScope,
				this.accountAtRisk, this.originHostKnown, this.phishingConfirmed, this.malwareConfirmed,
				this.trustedFlagger, this.repeatInfringer, this.threatImminent, this.emergencyDeclared,
				this.personalDataDetected, this.personalDataKinds, this.knownContentMatch, this.knownContentLists,
				campaign, citesPolicy);
	}

}
