package org.abusedesk.policy.internal;

import java.util.Arrays;
import java.util.Optional;

import org.abusedesk.policy.DecisionFacts;

/** The boolean facts a rule can require, each one bit of a mask. */
enum Fact {

	PHISHING_CONFIRMED("phishing_confirmed"), MALWARE_CONFIRMED("malware_confirmed"),
	ACCOUNT_AT_RISK("account_at_risk"), TRUSTED_FLAGGER("trusted_flagger"), REPEAT_INFRINGER("repeat_infringer"),
	THREAT_IMMINENT("threat_imminent"), EMERGENCY_DECLARED("emergency_declared"),
	ORIGIN_HOST_KNOWN("origin_host_known");

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
		return mask;
	}

}
