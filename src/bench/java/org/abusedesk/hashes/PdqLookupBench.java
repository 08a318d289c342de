package org.abusedesk.hashes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.abusedesk.hashes.internal.PdqIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PDQ near-match lookups per second at distance 31 in an index of one million random
 * hashes: queries that are near copies of listed hashes (up to 31 bits flipped) and
 * queries that match nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PdqLookupBench {

	private static final int HASHES = 1_000_000;

	private PdqIndex index;

	private PdqHash[] near;

	private PdqHash[] unknown;

	private int next;

	@Setup
	public void setUp() {
		SplittableRandom random = new SplittableRandom(16);
		List<PdqHash> hashes = new ArrayList<>(HASHES);
		for (int i = 0; i < HASHES; i++) {
			hashes.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
		}
		this.index = new PdqIndex(hashes);
		this.near = new PdqHash[1024];
		this.unknown = new PdqHash[1024];
		for (int i = 0; i < 1024; i++) {
			long[] w = { 0, 0, 0, 0 };
			PdqHash base = hashes.get(random.nextInt(HASHES));
			w[0] = base.low();
			w[1] = base.lower();
			w[2] = base.upper();
			w[3] = base.high();
			for (int b = random.nextInt(32); b > 0; b--) {
				int bit = random.nextInt(256);
				w[bit >>> 6] ^= 1L << (bit & 63);
			}
			this.near[i] = new PdqHash(w[3], w[2], w[1], w[0]);
			this.unknown[i] = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
		}
	}

	@Benchmark
	public int pdqLookupNearCopy1M() {
		return this.index.within(this.near[this.next++ & 1023], 31).size();
	}

	@Benchmark
	public int pdqLookupUnknown1M() {
		return this.index.within(this.unknown[this.next++ & 1023], 31).size();
	}

}
