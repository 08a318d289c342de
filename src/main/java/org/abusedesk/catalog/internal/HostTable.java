package org.abusedesk.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.abusedesk.catalog.Resolution;

/**
 * Zones and hostnames by name, for the exact and zone-suffix lookups of
 * {@link CatalogIndex}: one open-addressing table over all names. A lookup hashes the
 * host once, from its last character to its first, which yields the hash of every suffix
 * on the way, so suffixes are probed in place rather than as new strings. Immutable once
 * built; a lookup allocates nothing but its answer (and, for a zone, the zone's name as a
 * substring of the host).
 *
 * <p>
 * With a million properties a lookup is bound by memory latency (and by TLB misses), so a
 * hit reads only two places at random: {@link #fingerprints}, one byte per slot and small
 * enough to mostly stay in the caches, which is all a probe for an absent name reads;
 * then the slot's record of {@value #RECORD} longs (a cache line, if straddling two) in
 * {@link #records}, which holds all the answer needs:
 * <ul>
 * <li>word 0, the header: {@value #TAG_BITS} bits of the name's hash (not those that pick
 * the slot or make the fingerprint), the offset in {@link #tails} of its characters past
 * the first {@value #INLINE}, its length, and whether it is a hostname or a zone;</li>
 * <li>words 1 to 5: its first {@value #INLINE} characters, eight to a word, the first in
 * the lowest byte (a longer name costs one more read, in {@link #tails});</li>
 * <li>word 6: the property id;</li>
 * <li>word 7: the account, service set and origin as {@link PropertyOwners} encodes
 * them.</li>
 * </ul>
 * The name itself is not kept: on a hit it equals the part of the host that matched. A
 * hostname and a zone of the same name take a slot each.
 */
final class HostTable {

	/** Longer names never come out of {@link TargetParser}, so they cannot match. */
	static final int MAX_NAME_LENGTH = 253;

	/** The characters of a name held in its record. */
	static final int INLINE = 40;

	/** No match. */
	static final int NONE = -1;

	static final int RECORD = 8;

	private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

	private static final int HOSTNAME = 1;

	private static final int ZONE = 2;

	private static final int TAG_BITS = 24;

	private static final int LENGTH_SHIFT = 2;

	private static final int TAIL_SHIFT = 10;

	private static final long TAG = -1L << (64 - TAG_BITS);

	/** The bits of the header that identify a name: hash bits and length. */
	private static final long KEY = TAG | (0xFFL << LENGTH_SHIFT);

	private static final long TAIL_LIMIT = 1L << (64 - TAG_BITS - TAIL_SHIFT);

	private static final int ID = 6;

	private static final int OWNERS = 7;

	private final long[] records;

	/**
	 * Per slot, 8 bits of the hash of its name (never 0), or 0 when the slot is empty: a
	 * probe reads this small array first, and a record only when the bits match.
	 */
	private final byte[] fingerprints;

	private final int capacity;

	/** Characters past the first {@value #INLINE} of the names that have them. */
	private final byte[] tails;

	private final PropertyOwners owners;

	/** Which label counts occur among the zones ({@code example.org} has 2). */
	private final boolean[] zoneLabelCounts = new boolean[MAX_NAME_LENGTH / 2 + 2];

	/** Which label counts occur among all names. */
	private final boolean[] labelCounts = new boolean[MAX_NAME_LENGTH / 2 + 2];

	/**
	 * @param hostnames the hostname properties by name
	 * @param zones the zone properties by name
	 */
	HostTable(Map<String, IndexedProperty> hostnames, Map<String, IndexedProperty> zones) {
		int count = hostnames.size() + zones.size();
		// at most 3/5 full: probes stay short
		this.capacity = Math.max(4, count + (count * 2 + 2) / 3);
		this.records = new long[this.capacity * RECORD];
		this.fingerprints = new byte[this.capacity];
		PropertyOwners owners = new PropertyOwners();
		ByteArrayOutputStream tails = new ByteArrayOutputStream();
		for (IndexedProperty hostname : hostnames.values()) {
			if (add(hostname, HOSTNAME, owners, tails)) {
				this.labelCounts[labels(hostname.value())] = true;
			}
		}
		for (IndexedProperty zone : zones.values()) {
			if (add(zone, ZONE, owners, tails)) {
				this.zoneLabelCounts[labels(zone.value())] = true;
				this.labelCounts[labels(zone.value())] = true;
			}
		}
		this.owners = owners.seal();
		this.tails = tails.toByteArray();
	}

	/** Puts the property in a free slot, unless no lookup can produce its name. */
	private boolean add(IndexedProperty property, int kind, PropertyOwners owners, ByteArrayOutputStream tails) {
		String name = property.value();
		if (!isMatchable(name)) {
			return false;
		}
		long tail = 0;
		if (name.length() > INLINE) {
			tail = tails.size();
			if (tail >= TAIL_LIMIT) {
				throw new IllegalArgumentException("too many long names");
			}
			for (int i = INLINE; i < name.length(); i++) {
				tails.write(name.charAt(i));
			}
		}
		long hash = mix(hash(name, 0));
		int slot = slot(hash);
		while (this.fingerprints[slot] != 0) {
			slot = next(slot);
		}
		this.fingerprints[slot] = fingerprint(hash);
		int base = slot * RECORD;
		this.records[base] = key(hash, name.length()) | (tail << TAIL_SHIFT) | kind;
		for (int word = 0; word < INLINE / 8; word++) {
			this.records[base + 1 + word] = pack(name, 0, word);
		}
		this.records[base + ID] = property.id();
		this.records[base + OWNERS] = owners.encode(property.account(), property.services(), property.origin());
		return true;
	}

	/** Whether a normalised target can equal the name (ASCII, short enough). */
	private static boolean isMatchable(String name) {
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) >= 0x80) {
				return false;
			}
		}
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
	 * The slot of the hostname named {@code host}, else of the zone of that name, else of
	 * the zone that is the longest suffix of {@code host} (by labels); {@link #NONE} when
	 * none.
	 * @param host a normalised host name
	 */
	int match(String host) {
		int length = host.length();
		long hash = 0;
		int labels = 1;
		int zone = NONE;
		// right to left, so shortest suffix first: a longer zone found later wins. Only
		// label counts some zone has are probed.
		for (int i = length - 1; i >= 0; i--) {
			char c = host.charAt(i);
			if (c == '.') {
				if (labels < this.zoneLabelCounts.length && this.zoneLabelCounts[labels]
						&& length - i - 1 <= MAX_NAME_LENGTH) {
					int found = find(hash, ZONE, host, i + 1);
					zone = (found != NONE) ? found : zone;
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
		long key = key(hash, length);
		long packed0 = pack(host, 0, 0);
		long packed1 = pack(host, 0, 1);
		long packed2 = pack(host, 0, 2);
		long packed3 = pack(host, 0, 3);
		long packed4 = pack(host, 0, 4);
		byte fingerprint = fingerprint(hash);
		int sameName = NONE;
		for (int slot = slot(hash);; slot = next(slot)) {
			byte entry = this.fingerprints[slot];
			if (entry == 0) {
				return (sameName != NONE) ? sameName : zone;
			}
			if (entry == fingerprint) {
				long header = this.records[slot * RECORD];
				if ((header & KEY) == key && nameEquals(slot, host, 0, packed0, packed1, packed2, packed3, packed4)) {
					if ((header & HOSTNAME) != 0) {
						return slot;
					}
					sameName = slot;
				}
			}
		}
	}

	/** The slot of {@code host[from..]} of the {@code kind}, or {@link #NONE}. */
	private int find(long rawHash, int kind, String host, int from) {
		long hash = mix(rawHash);
		long key = key(hash, host.length() - from) | kind;
		// computed before the record is read, so that little work waits for that miss
		long packed0 = pack(host, from, 0);
		long packed1 = pack(host, from, 1);
		long packed2 = pack(host, from, 2);
		long packed3 = pack(host, from, 3);
		long packed4 = pack(host, from, 4);
		byte fingerprint = fingerprint(hash);
		for (int slot = slot(hash);; slot = next(slot)) {
			byte entry = this.fingerprints[slot];
			if (entry == 0) {
				return NONE;
			}
			if (entry == fingerprint && (this.records[slot * RECORD] & (KEY | kind)) == key
					&& nameEquals(slot, host, from, packed0, packed1, packed2, packed3, packed4)) {
				return slot;
			}
		}
	}

	/**
	 * Whether the name in the slot, of the length its header says, equals
	 * {@code host[from..]}, given the first {@value #INLINE} characters of that as
	 * {@link #pack} packs them.
	 */
	private boolean nameEquals(int slot, String host, int from, long packed0, long packed1, long packed2, long packed3,
			long packed4) {
		int base = slot * RECORD;
		long[] records = this.records;
		if (((packed0 ^ records[base + 1]) | (packed1 ^ records[base + 2]) | (packed2 ^ records[base + 3])
				| (packed3 ^ records[base + 4]) | (packed4 ^ records[base + 5])) != 0) {
			return false;
		}
		int length = host.length() - from;
		int tail = (int) (records[base] >>> TAIL_SHIFT) & (int) (TAIL_LIMIT - 1);
		for (int i = INLINE; i < length; i++) {
			if (host.charAt(from + i) != this.tails[tail + i - INLINE]) {
				return false;
			}
		}
		return true;
	}

	/** The id of the property in the slot {@link #match} returned. */
	long id(int slot) {
		return this.records[slot * RECORD + ID];
	}

	/**
	 * The answer for a match.
	 * @param query what was asked
	 * @param host the host that was looked up
	 * @param slot what {@link #match} returned for it, not {@link #NONE}
	 */
	Resolution resolution(String query, String host, int slot) {
		int base = slot * RECORD;
		long header = this.records[base];
		long owners = this.records[base + OWNERS];
		int length = (int) (header >>> LENGTH_SHIFT) & 0xFF;
		String name = (length == host.length()) ? host : host.substring(host.length() - length);
		PropertyKind kind = ((header & HOSTNAME) != 0) ? PropertyKind.HOSTNAME : PropertyKind.ZONE;
		return new Resolution(query, host, this.owners.account(owners), this.records[base + ID], name, kind.wire(),
				this.owners.services(owners), this.owners.origin(owners));
	}

	/** 8 bits of the hash, from neither those of the slot nor those of {@link #TAG}. */
	private static byte fingerprint(long hash) {
		int bits = (int) (hash >>> 32) & 0xFF;
		return (byte) ((bits != 0) ? bits : 1);
	}

	private static long key(long hash, int length) {
		return (hash & TAG) | ((long) length << LENGTH_SHIFT);
	}

	/** The slot from the low half of the hash; {@link #TAG} is from the high one. */
	private int slot(long hash) {
		return (int) (((hash & 0xFFFFFFFFL) * this.capacity) >>> 32);
	}

	private int next(int slot) {
		return (slot + 1 < this.capacity) ? slot + 1 : 0;
	}

	/**
	 * Characters {@code 8 * word} to {@code 8 * word + 7} of {@code text} from
	 * {@code from}, within the first {@value #INLINE}, the first in the lowest byte. A
	 * character that is not ASCII packs into a byte no name has.
	 */
	static long pack(String text, int from, int word) {
		int start = from + 8 * word;
		int end = Math.min(start + 8, from + Math.min(text.length() - from, INLINE));
		long chars = 0;
		for (int i = end - 1; i >= start; i--) {
			char c = text.charAt(i);
			chars = (chars << 8) | ((c < 0x80) ? c : 0xFF);
		}
		return chars;
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
