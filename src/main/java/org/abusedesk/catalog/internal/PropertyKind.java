package org.abusedesk.catalog.internal;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** The kinds of property the resolver can match, with their wire values. */
public enum PropertyKind implements WireValue {

	/** A DNS zone: matches itself and every subdomain. */
	ZONE("zone"),
	/** A single host name: matches only itself. */
	HOSTNAME("hostname"),
	/** An IPv4 or IPv6 CIDR prefix. */
	IP_PREFIX("ip_prefix");

	private final String wire;

	PropertyKind(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	static Optional<PropertyKind> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static PropertyKind fromJson(String value) {
		return WireValue.read(PropertyKind.class, value);
	}

}
