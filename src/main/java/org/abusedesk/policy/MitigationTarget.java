package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** What a mitigation acts on ({@code entity_type} in DOMAIN.md). */
public enum MitigationTarget implements WireValue {

	URL_PATTERN("url_pattern"), ZONE("zone"), ACCOUNT("account");

	private final String wire;

	MitigationTarget(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<MitigationTarget> fromWire(String value) {
		return Arrays.stream(values()).filter((target) -> target.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static MitigationTarget fromJson(String value) {
		return WireValue.read(MitigationTarget.class, value);
	}

}
