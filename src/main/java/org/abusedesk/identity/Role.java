package org.abusedesk.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Staff roles (DOMAIN.md). The wire value is also the Spring Security role name.
 * {@code edge} is not a person: it is the provider's proxy and hosting systems, which may
 * only read the active mitigations.
 */
public enum Role {

	AGENT("agent"), REVIEWER("reviewer"), SENIOR("senior"), LEGAL("legal"), ADMIN("admin"), EDGE("edge");

	private final String wire;

	Role(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static Optional<Role> fromWire(String value) {
		return Arrays.stream(values()).filter((role) -> role.wire.equals(value)).findFirst();
	}

}
