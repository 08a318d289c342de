package org.abusedesk.access;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Staff roles (DOMAIN.md). The wire value is also the Spring Security role name.
 * {@code edge} is not a person: it is the provider's proxy and hosting systems, which may
 * only read the active mitigations.
 */
public enum Role implements WireValue {

	AGENT("agent"), REVIEWER("reviewer"), SENIOR("senior"), LEGAL("legal"), ADMIN("admin"), EDGE("edge");

	private final String wire;

	Role(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/**
	 * The staff role a signed-in caller holds (Spring Security's {@code ROLE_<wire>}
	 * authority), or empty for a caller with none.
	 */
	public static Optional<Role> of(Authentication caller) {
		return caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> fromWire(authority.substring("ROLE_".length())))
			.flatMap(Optional::stream)
			.findFirst();
	}

	public static Optional<Role> fromWire(String value) {
		return Arrays.stream(values()).filter((role) -> role.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static Role fromJson(String value) {
		return WireValue.read(Role.class, value);
	}

}
