package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

/** What a mitigation acts on ({@code entity_type} in DOMAIN.md). */
public enum MitigationTarget {

	URL_PATTERN("url_pattern"), ZONE("zone"), ACCOUNT("account");

	private final String wire;

	MitigationTarget(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static Optional<MitigationTarget> fromWire(String value) {
		return Arrays.stream(values()).filter((target) -> target.wire.equals(value)).findFirst();
	}

}
