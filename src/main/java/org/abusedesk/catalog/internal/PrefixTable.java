package org.abusedesk.catalog.internal;

import java.util.List;

/**
 * Longest-prefix match over one address family: an open-addressing hash table keyed by
 * (masked address, length), probed once per prefix length that is present, longest first.
 * Lookups allocate nothing.
 */
final class PrefixTable {

	private final long[] his;

	private final long[] los;

	private final byte[] lengths;

	private final IndexedProperty[] values;

	private final int mask;

	/** The prefix lengths that occur, longest first. */
	private final int[] presentLengths;

	private final boolean ipv4;

	PrefixTable(boolean ipv4, List<Prefix> prefixes, List<IndexedProperty> properties) {
		this.ipv4 = ipv4;
		int capacity = Integer.highestOneBit(Math.max(4, prefixes.size() * 2 + 1) - 1) << 1;
		this.his = new long[capacity];
		this.los = new long[capacity];
		this.lengths = new byte[capacity];
		this.values = new IndexedProperty[capacity];
		this.mask = capacity - 1;
		boolean[] present = new boolean[129];
		for (int i = 0; i < prefixes.size(); i++) {
			Prefix prefix = prefixes.get(i);
			present[prefix.length()] = true;
			int slot = hash(prefix.hi(), prefix.lo(), prefix.length()) & this.mask;
			while (this.values[slot] != null && !matches(slot, prefix.hi(), prefix.lo(), prefix.length())) {
				slot = (slot + 1) & this.mask;
			}
			this.his[slot] = prefix.hi();
			this.los[slot] = prefix.lo();
			this.lengths[slot] = (byte) prefix.length();
			this.values[slot] = properties.get(i);
		}
		int count = 0;
		for (boolean p : present) {
			count += p ? 1 : 0;
		}
		this.presentLengths = new int[count];
		for (int length = 128, i = 0; length >= 0; length--) {
			if (present[length]) {
				this.presentLengths[i++] = length;
			}
		}
	}

	/** The property with the longest prefix containing the address, or null. */
	IndexedProperty longestMatch(long hi, long lo) {
		for (int length : this.presentLengths) {
			long maskedHi;
			long maskedLo;
			if (this.ipv4) {
				maskedHi = 0;
				maskedLo = lo & Prefix.mask32(length);
			}
			else {
				maskedHi = hi & Prefix.maskHi(length);
				maskedLo = lo & Prefix.maskLo(length);
			}
			int slot = hash(maskedHi, maskedLo, length) & this.mask;
			while (this.values[slot] != null) {
				if (matches(slot, maskedHi, maskedLo, length)) {
					return this.values[slot];
				}
				slot = (slot + 1) & this.mask;
			}
		}
		return null;
	}

	private boolean matches(int slot, long hi, long lo, int length) {
		return this.los[slot] == lo && this.his[slot] == hi && this.lengths[slot] == (byte) length;
	}

	private static int hash(long hi, long lo, int length) {
		long h = hi * 0x9E3779B97F4A7C15L + lo;
		h = (h ^ length) * 0xBF58476D1CE4E5B9L;
		h ^= h >>> 31;
		h *= 0x94D049BB133111EBL;
		return (int) (h ^ (h >>> 32));
	}

}
