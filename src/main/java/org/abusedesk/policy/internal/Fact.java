package org.abusedesk.policy.internal;

import java.util.Arrays;
import java.util.Optional;

import org.abusedesk.policy.DecisionFacts;

/** The boolean facts a rule can require, each one bit of a mask. */
enum Fact {

	PHISHING_CONFIRMED("phishing_confirmed"), MALWARE_CONFIRMED("malware_confirmed"),
	ACCOUNT_AT_RISK("account_at_risk"), TRUSTED_FLAGGER("trusted_flagger"), REPEAT_INFRINGER("repeat_infringer"),
	THREAT_IMMINENT("threat_imminent"), EMERGENCY_DECLARED("emergency_declared"),
	ORIGIN_HOST_KNOWN("origin_host_known"), PERSONAL_DATA_DETECTED("personal_data_detected"),
	KNOWN_CONTENT_MATCH("known_content_match"), CAMPAIGN_SUSPECTED("campaign_suspected"),
	POLICY_LANGUAGE_CITED("policy_language_cited");

	/** The first bit of the personal data kinds (one bit per kind, after the facts). */
	static final int FIRST_KIND_BIT = 16;

	private final String wire;

	Fact(String wire) {
		this.wire = wire;
	}

	String wire() {
		return this.wire;
	}

	int bit() {
		return 1 << ordinal();
	}

	/**
	 * The bit of a personal data kind ({@code personal_data_kinds} in a rule's match); 0
	 * for a kind the policy does not know.
	 */
	static int kindBit(String kind) {
		int index = Vocabulary.PERSONAL_DATA_KINDS.indexOf(kind);
		return (index >= 0) ? 1 << (FIRST_KIND_BIT + index) : 0;
	}

	static Optional<Fact> fromWire(String value) {
		return Arrays.stream(values()).filter((fact) -> fact.wire.equals(value)).findFirst();
	}

	/** The facts that hold, as a mask; computed once per evaluation. */
	static int mask(DecisionFacts facts) {
		int mask = 0;
		mask |= facts.phishingConfirmed() ? PHISHING_CONFIRMED.bit() : 0;
		mask |= facts.malwareConfirmed() ? MALWARE_CONFIRMED.bit() : 0;
		mask |= facts.accountAtRisk() ? ACCOUNT_AT_RISK.bit() : 0;
		mask |= facts.trustedFlagger() ? TRUSTED_FLAGGER.bit() : 0;
		mask |= facts.repeatInfringer() ? REPEAT_INFRINGER.bit() : 0;
		mask |= facts.threatImminent() ? THREAT_IMMINENT.bit() : 0;
		mask |= facts.emergencyDeclared() ? EMERGENCY_DECLARED.bit() : 0;
		mask |= facts.originHostKnown() ? ORIGIN_HOST_KNOWN.bit() : 0;
		mask |= facts.personalDataDetected() ? PERSONAL_DATA_DETECTED.bit() : 0;
		mask |= facts.knownContentMatch() ? KNOWN_CONTENT_MATCH.bit() : 0;
		mask |= facts.campaignSuspected() ? CAMPAIGN_SUSPECTED.bit() : 0;
		mask |= facts.policyLanguageCited() ? POLICY_LANGUAGE_CITED.bit() : 0;
		for (String kind : facts.personalDataKinds()) {
			mask |= kindBit(kind);
		}
		return mask;
	}

}
