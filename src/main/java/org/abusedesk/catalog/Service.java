package org.abusedesk.catalog;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** What the provider does for a property (DOMAIN.md). */
public enum Service implements WireValue {

	/** Pass-through security / CDN: the content lives at an origin elsewhere. */
	PROXY("proxy"),
	/** The provider stores and serves the content. */
	HOSTING("hosting"),
	/** The provider is the registrar of record of the domain. */
	REGISTRAR("registrar"),
	/** Authoritative DNS only. */
	DNS("dns"),
	/** A public recursive resolver. */
	RESOLVER("resolver");

	private final String wire;

	Service(String wire) {
		this.wire = wire;
	}

	/** The wire value used in JSON, SQL and the CLI. */
	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<Service> fromWire(String value) {
		return Arrays.stream(values()).filter((service) -> service.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static Service fromJson(String value) {
		return WireValue.read(Service.class, value);
	}

}
