package org.abusedesk.catalog.internal;

import java.util.Map;

/**
 * Zones and hostnames by name, for the exact and zone-suffix lookups of
 * {@link CatalogIndex}: one open-addressing table over all names. A lookup hashes the
 * host once, from its last character to its first, which yields the hash of every suffix
 * on the way, so suffixes are probed in place rather than as new strings. Immutable once
 * built; lookups allocate nothing.
 *
 * <p>
 * With a million properties a lookup is bound by memory latency, so the layout keeps the
 * reads that miss the caches few. Slot {@code i} is {@code properties[i]} ({@code null}
 * when empty) and {@code tags[i]}: 14 bits of the name's hash and whether the property is
 * a hostname or a zone. Both arrays are indexed alike, so they are read in parallel, and
 * are small enough to mostly stay in the caches; a probe for an absent name reads no
 * more. A match reads the property, which it needs anyway, and which holds the start of
 * its name to confirm the match (see {@link NamedProperty}). A hostname and a zone of the
 * same name take a slot each.
 */
final class HostTable {

	/** Longer names never come out of {@link TargetParser}, so they cannot match. */
	static final int MAX_NAME_LENGTH = 253;

	private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

	private static final int HOSTNAME = 1;

	private static final int ZONE = 2;

	/** The hash bits of a tag; the kind is in the lower two. */
	private static final int TAG = 0xFFFC;

	private final short[] tags;

	private final NamedProperty[] properties;

	private final int mask;

	/** Which label counts occur among the zones ({@code example.org} has 2). */
	private final boolean[] zoneLabelCounts = new boolean[MAX_NAME_LENGTH / 2 + 2];

	/** Which label counts occur among all names. */
	private final boolean[] labelCounts = new boolean[MAX_NAME_LENGTH / 2 + 2];

	/**
	 * @param hostnames the hostname properties by name
	 * @param zones the zone properties by name
	 */
	HostTable(Map<String, NamedProperty> hostnames, Map<String, NamedProperty> zones) {
		int count = hostnames.size() + zones.size();
		// at most 2/3 full: probes stay short, and the arrays small enough for the caches
		int capacity = Integer.highestOneBit(Math.max(4, count + count / 2) - 1) << 1;
		this.tags = new short[capacity];
		this.properties = new NamedProperty[capacity];
		this.mask = capacity - 1;
		for (NamedProperty hostname : hostnames.values()) {
			if (add(hostname, HOSTNAME)) {
				this.labelCounts[labels(hostname.value())] = true;
			}
		}
		for (NamedProperty zone : zones.values()) {
			if (add(zone, ZONE)) {
				this.zoneLabelCounts[labels(zone.value())] = true;
				this.labelCounts[labels(zone.value())] = true;
			}
		}
	}

	/** Puts the property in a free slot, unless no lookup can produce its name. */
	private boolean add(NamedProperty property, int kind) {
		if (!property.isMatchable()) {
			return false;
		}
		long hash = mix(hash(property.value(), 0));
		int slot = (int) hash & this.mask;
		while (this.properties[slot] != null) {
			slot = (slot + 1) & this.mask;
		}
		this.tags[slot] = (short) (tag(hash) | kind);
		this.properties[slot] = property;
		return true;
	}

	private static int labels(String name) {
		int labels = 1;
		for (int i = 0; i < name.length(); i++) {
			labels += (name.charAt(i) == '.') ? 1 : 0;
		}
		return labels;
	}

	/**
	 * The hostname property named {@code host}, else the zone of that name, else the zone
	 * that is the longest suffix of {@code host} (by labels); null when none.
	 * @param host a normalised host name
	 */
	NamedProperty match(String host) {
		int length = host.length();
		long hash = 0;
		int labels = 1;
		NamedProperty zone = null;
		// right to left, so shortest suffix first: a longer zone found later wins. Only
		// label counts some zone has are probed.
		for (int i = length - 1; i >= 0; i--) {
			char c = host.charAt(i);
			if (c == '.') {
				if (labels < this.zoneLabelCounts.length && this.zoneLabelCounts[labels]
						&& length - i - 1 <= MAX_NAME_LENGTH) {
					NamedProperty found = find(hash, ZONE, host, i + 1);
					zone = (found != null) ? found : zone;
				}
				labels++;
			}
			hash = hash * MULTIPLIER + c;
		}
		// as for suffixes, only a label count some name has is worth a probe
		if (length > MAX_NAME_LENGTH || labels >= this.labelCounts.length || !this.labelCounts[labels]) {
			return zone;
		}
		// a hostname property is more specific than a zone of the same name
		hash = mix(hash);
		int tag = tag(hash);
		NamedProperty sameName = null;
		for (int slot = (int) hash & this.mask;; slot = (slot + 1) & this.mask) {
			NamedProperty property = this.properties[slot];
			if (property == null) {
				return (sameName != null) ? sameName : zone;
			}
			int entry = this.tags[slot];
			if ((entry & TAG) == tag && nameEquals(property, host, 0)) {
				if ((entry & HOSTNAME) != 0) {
					return property;
				}
				sameName = property;
			}
		}
	}

	/** The property of {@code host[from..]} of the {@code kind}, or null. */
	private NamedProperty find(long rawHash, int kind, String host, int from) {
		long hash = mix(rawHash);
		int tag = tag(hash) | kind;
		for (int slot = (int) hash & this.mask;; slot = (slot + 1) & this.mask) {
			NamedProperty property = this.properties[slot];
			if (property == null || ((this.tags[slot] & (TAG | kind)) == tag && nameEquals(property, host, from))) {
				return property;
			}
		}
	}

	private static boolean nameEquals(NamedProperty property, String host, int from) {
		long packed0 = NamedProperty.pack(host, from, 0);
		long packed1 = NamedProperty.pack(host, from, 1);
		long packed2 = NamedProperty.pack(host, from, 2);
		long packed3 = NamedProperty.pack(host, from, 3);
		long packed4 = NamedProperty.pack(host, from, 4);
		return property.nameEquals(host, from, packed0, packed1, packed2, packed3, packed4);
	}

	/** 14 bits of the hash (not those that pick the slot), shifted past the kind bits. */
	private static int tag(long hash) {
		return (int) (hash >>> 48) & TAG;
	}

	/**
	 * The hash of {@code text[from..]} as {@link #match} computes it on the way: a
	 * polynomial taken from the last character to the first.
	 */
	static long hash(String text, int from) {
		long hash = 0;
		for (int i = text.length() - 1; i >= from; i--) {
			hash = hash * MULTIPLIER + text.charAt(i);
		}
		return hash;
	}

	/** Spreads the polynomial hash over all bits (the finaliser of MurmurHash3). */
	private static long mix(long hash) {
		long h = hash;
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB9FE1A85EC53L;
		return h ^ (h >>> 33);
	}

}
