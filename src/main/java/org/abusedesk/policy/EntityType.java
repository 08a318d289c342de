package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * The kind of thing a mitigation applies to ({@code entity_type} in DOMAIN.md); the thing
 * itself, a URL pattern, a zone or an account ref, is its {@code target}.
 */
public enum EntityType implements WireValue {

	URL_PATTERN("url_pattern"), ZONE("zone"), ACCOUNT("account");

	private final String wire;

	EntityType(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<EntityType> fromWire(String value) {
		return Arrays.stream(values()).filter((type) -> type.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static EntityType fromJson(String value) {
		return WireValue.read(EntityType.class, value);
	}

}
