package org.abusedesk.catalog.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;

/**
 * An immutable snapshot of every property, built for lookups: host names by exact match
 * and by zone suffix (longest by labels), addresses by longest prefix. Replaced as a
 * whole when the catalog changes, so readers never lock.
 */
public final class CatalogIndex {

	private static final CatalogIndex EMPTY = builder(-1).build();

	private final long revision;

	private final HostTable hosts;

	private final PrefixTable ipv4;

	private final PrefixTable ipv6;

	private final int size;

	private CatalogIndex(Builder builder) {
		this.revision = builder.revision;
		this.hosts = new HostTable(builder.hostnames, builder.zones);
		this.ipv4 = new PrefixTable(true, builder.ipv4Prefixes, builder.ipv4Properties);
		this.ipv6 = new PrefixTable(false, builder.ipv6Prefixes, builder.ipv6Properties);
		this.size = builder.size;
	}

	/** An index with nothing in it: everything is not ours. */
	static CatalogIndex empty() {
		return EMPTY;
	}

	public static Builder builder(long revision) {
		return new Builder(revision);
	}

	/** The catalog revision this snapshot was read at. */
	public long revision() {
		return this.revision;
	}

	/** The number of properties in the index. */
	public int size() {
		return this.size;
	}

	/**
	 * @throws org.abusedesk.catalog.InvalidTargetException when nothing can be looked up
	 */
	public Resolution resolve(String urlHostOrAddress) {
		Target target = TargetParser.parse(urlHostOrAddress);
		if (target.isHost()) {
			int slot = this.hosts.match(target.text());
			return (slot != HostTable.NONE) ? this.hosts.resolution(urlHostOrAddress, target.text(), slot)
					: Resolution.notOurs(urlHostOrAddress, target.text());
		}
		IndexedProperty match = (target.family() == Target.IPV4) ? this.ipv4.longestMatch(0, target.lo())
				: this.ipv6.longestMatch(target.hi(), target.lo());
		if (match == null) {
			return Resolution.notOurs(urlHostOrAddress, target.text());
		}
		return new Resolution(urlHostOrAddress, target.text(), match.account(), match.id(), match.value(),
				match.kind().wire(), match.services(), match.origin());
	}

	/**
	 * Collects properties (already normalised, as stored) into an index. Shares equal
	 * service sets and origins between properties so that a million entries stay lean.
	 */
	public static final class Builder {

		private final long revision;

		private final Map<String, IndexedProperty> hostnames = new HashMap<>();

		private final Map<String, IndexedProperty> zones = new HashMap<>();

		private final List<Prefix> ipv4Prefixes = new ArrayList<>();

		private final List<IndexedProperty> ipv4Properties = new ArrayList<>();

		private final List<Prefix> ipv6Prefixes = new ArrayList<>();

		private final List<IndexedProperty> ipv6Properties = new ArrayList<>();

		private final Map<Set<Service>, Set<Service>> serviceSets = new HashMap<>();

		private final Map<Origin, Origin> origins = new HashMap<>();

		private int size;

		private Builder(long revision) {
			this.revision = revision;
		}

		/**
		 * @param value a normalised host name or canonical CIDR prefix
		 * @param origin the origin, or null
		 * @throws IllegalArgumentException when a prefix value cannot be read
		 */
		public Builder add(long id, PropertyKind kind, String value, Account account, Set<Service> services,
				Origin origin) {
			Set<Service> shared = intern(services);
			Origin sharedOrigin = (origin != null) ? this.origins.computeIfAbsent(origin, (o) -> o) : null;
			switch (kind) {
				case ZONE -> this.zones.put(value, new IndexedProperty(id, kind, value, account, shared, sharedOrigin));
				case HOSTNAME ->
					this.hostnames.put(value, new IndexedProperty(id, kind, value, account, shared, sharedOrigin));
				case IP_PREFIX -> {
					Prefix prefix = Prefix.parse(value);
					boolean v4 = prefix.family() == Target.IPV4;
					(v4 ? this.ipv4Prefixes : this.ipv6Prefixes).add(prefix);
					(v4 ? this.ipv4Properties : this.ipv6Properties)
						.add(new IndexedProperty(id, kind, value, account, shared, sharedOrigin));
				}
			}
			this.size++;
			return this;
		}

		private Set<Service> intern(Set<Service> services) {
			Set<Service> copy = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
			return this.serviceSets.computeIfAbsent(copy, Collections::unmodifiableSet);
		}

		public CatalogIndex build() {
			return new CatalogIndex(this);
		}

	}

}
