package org.abusedesk.hashes.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.hashes.PdqHash;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet) over PDQ hashes: the 256 bits are cut
 * into 16 chunks of 16 bits, and each chunk value points to the hashes that have it. Two
 * hashes within distance {@code d} agree within {@code d / 16} bits on at least one chunk
 * (pigeonhole), so a query probes, per chunk, every value within that many bits of its
 * own and checks the full distance only for the hashes found there. At distance 31 that
 * is 17 probes per chunk; a million random hashes put about 15 in a bucket.
 *
 * <p>
 * Immutable once built; built again when lists grow.
 */
public final class PdqIndex {

	/** The largest distance a query may ask for: two bits per chunk. */
	public static final int MAX_DISTANCE = 47;

	private static final int CHUNKS = 16;

	private static final int BUCKETS = 1 << 16;

	private final PdqHash[] hashes;

	/** Per chunk, {@code BUCKETS + 1} offsets into {@link #members}. */
	private final int[][] offsets;

	private final int[][] members;

	public PdqIndex(List<PdqHash> hashes) {
		this.hashes = hashes.toArray(new PdqHash[0]);
		this.offsets = new int[CHUNKS][];
		this.members = new int[CHUNKS][];
		for (int chunk = 0; chunk < CHUNKS; chunk++) {
			int[] counts = new int[BUCKETS + 1];
			for (PdqHash hash : this.hashes) {
				counts[hash.chunk16(chunk) + 1]++;
			}
			for (int b = 0; b < BUCKETS; b++) {
				counts[b + 1] += counts[b];
			}
			int[] fill = counts.clone();
			int[] ids = new int[this.hashes.length];
			for (int id = 0; id < this.hashes.length; id++) {
				ids[fill[this.hashes[id].chunk16(chunk)]++] = id;
			}
			this.offsets[chunk] = counts;
			this.members[chunk] = ids;
		}
	}

	public int size() {
		return this.hashes.length;
	}

	/**
	 * The positions (in the list given to the constructor) of the hashes within
	 * {@code maxDistance} of {@code query}, each once.
	 */
	public List<Integer> within(PdqHash query, int maxDistance) {
		if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
			throw new IllegalArgumentException("distance must be 0 to " + MAX_DISTANCE);
		}
		int perChunk = maxDistance / CHUNKS;
		List<Integer> found = new ArrayList<>();
		for (int chunk = 0; chunk < CHUNKS; chunk++) {
			int value = query.chunk16(chunk);
			probe(chunk, value, query, maxDistance, found);
			if (perChunk >= 1) {
				for (int a = 0; a < 16; a++) {
					probe(chunk, value ^ (1 << a), query, maxDistance, found);
					if (perChunk >= 2) {
						for (int b = a + 1; b < 16; b++) {
							probe(chunk, value ^ (1 << a) ^ (1 << b), query, maxDistance, found);
						}
					}
				}
			}
		}
		return found;
	}

	public PdqHash hash(int position) {
		return this.hashes[position];
	}

	private void probe(int chunk, int value, PdqHash query, int maxDistance, List<Integer> found) {
		int[] offsets = this.offsets[chunk];
		int[] ids = this.members[chunk];
		for (int i = offsets[value]; i < offsets[value + 1]; i++) {
			int id = ids[i];
			// a hash near the query may share several chunks with it: rechecking costs
			// four
			// popcounts, the found list stays tiny
			if (this.hashes[id].distance(query) <= maxDistance && !found.contains(id)) {
				found.add(id);
			}
		}
	}

}
