package org.abusedesk.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.abusedesk.catalog.internal.CatalogIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Resolver lookups per second on one thread, with the one million properties of
 * {@link ResolverBenchmark#build()} (400k zones, 200k hostnames, 250k IPv4 and 150k IPv6
 * prefixes). The suite forks it with a 1 GiB heap, so a run also shows that the index
 * fits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResolverBench {

	private static final int QUERIES = 1 << 16;

	private CatalogIndex index;

	private String[] hostHits;

	private String[] hostMisses;

	private String[] deepSubdomains;

	private String[] ipv4Hits;

	private String[] ipv6Hits;

	private String[] ipv6Misses;

	private int next;

	@Setup
	public void setUp() {
		this.index = ResolverBenchmark.build();
		SplittableRandom random = new SplittableRandom(42);
		this.hostHits = queries(random, (r) -> {
			int i = r.nextInt(ResolverBenchmark.ZONES + ResolverBenchmark.HOSTNAMES);
			return (i < ResolverBenchmark.ZONES) ? "https://www." + ResolverBenchmark.zone(i) + "/path?q=1"
					: ResolverBenchmark.hostname(i - ResolverBenchmark.ZONES);
		}, true);
		this.hostMisses = queries(random, (r) -> "shop" + r.nextInt() + ".nowhere-" + r.nextInt(1000) + ".example",
				false);
		this.deepSubdomains = queries(random,
				(r) -> "a.b.c.d.e.f.g.h." + ResolverBenchmark.zone(r.nextInt(ResolverBenchmark.ZONES)), true);
		this.ipv4Hits = queries(random,
				(r) -> ResolverBenchmark.ipv4(r.nextInt(ResolverBenchmark.IPV4_PREFIXES), r.nextInt(128)), true);
		this.ipv6Hits = queries(random,
				(r) -> ResolverBenchmark.ipv6(r.nextInt(ResolverBenchmark.IPV6_PREFIXES)) + ":1:2:3:4:5", true);
		this.ipv6Misses = queries(random, (r) -> "2001:fff0:" + Integer.toHexString(r.nextInt(65536)) + "::"
				+ Integer.toHexString(r.nextInt(65536)), false);
	}

	private String[] queries(SplittableRandom random, Function<SplittableRandom, String> source, boolean hits) {
		String[] queries = new String[QUERIES];
		for (int i = 0; i < QUERIES; i++) {
			queries[i] = source.apply(random);
			// a benchmark of wrong answers would be worthless
			if (this.index.resolve(queries[i]).ours() != hits) {
				throw new IllegalStateException("Unexpected answer for " + queries[i]);
			}
		}
		return queries;
	}

	private long lookup(String[] queries) {
		this.next = (this.next + 1) & (QUERIES - 1);
		return this.index.resolve(queries[this.next]).propertyId();
	}

	@Benchmark
	public long hostHits() {
		return lookup(this.hostHits);
	}

	@Benchmark
	public long hostMisses() {
		return lookup(this.hostMisses);
	}

	@Benchmark
	public long deepSubdomains() {
		return lookup(this.deepSubdomains);
	}

	@Benchmark
	public long ipv4Hits() {
		return lookup(this.ipv4Hits);
	}

	@Benchmark
	public long ipv6Hits() {
		return lookup(this.ipv6Hits);
	}

	@Benchmark
	public long ipv6Misses() {
		return lookup(this.ipv6Misses);
	}

}
