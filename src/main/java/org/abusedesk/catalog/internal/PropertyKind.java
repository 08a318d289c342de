package org.abusedesk.catalog.internal;

/** The kinds of property the resolver can match, with their wire values. */
public enum PropertyKind {

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

	public String wire() {
		return this.wire;
	}

	static PropertyKind fromWire(String wire) {
		for (PropertyKind kind : values()) {
			if (kind.wire.equals(wire)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown property kind " + wire);
	}

}
