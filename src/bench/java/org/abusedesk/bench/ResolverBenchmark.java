package org.abusedesk.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.abusedesk.catalog.Account;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.catalog.internal.CatalogIndex;
import org.abusedesk.catalog.internal.PropertyKind;

/**
 * How fast the resolver index answers with one million properties, on one thread, and how
 * much heap the index takes. Not a test; the catalog it builds is also the one of
 * {@link ResolverBench} (JMH), which gives the recorded figures.
 */
public final class ResolverBenchmark {

	static final int ZONES = 400_000;

	static final int HOSTNAMES = 200_000;

	static final int IPV4_PREFIXES = 250_000;

	static final int IPV6_PREFIXES = 150_000;

	private static final int ACCOUNTS = 100_000;

	private static final long MEASURE_NANOS = 3_000_000_000L;

	private static final int QUERIES = 1 << 16;

	private ResolverBenchmark() {
	}

	public static void main(String[] args) {
		long heapBefore = usedHeap();
		long start = System.nanoTime();
		CatalogIndex index = build();
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long heapAfter = usedHeap();
		System.out.printf("index: %,d properties (%,d zones, %,d hostnames, %,d IPv4, %,d IPv6), %,d accounts%n",
				index.size(), ZONES, HOSTNAMES, IPV4_PREFIXES, IPV6_PREFIXES, ACCOUNTS);
		System.out.printf("built in %,d ms; heap used by the index: %,d MB (%d bytes per property)%n", buildMillis,
				(heapAfter - heapBefore) >> 20, (heapAfter - heapBefore) / index.size());

		SplittableRandom random = new SplittableRandom(42);
		measure(index, "host hits (URL, zone or hostname)", queries(random, (r) -> {
			int i = r.nextInt(ZONES + HOSTNAMES);
			return (i < ZONES) ? "https://www." + zone(i) + "/path?q=1" : hostname(i - ZONES);
		}), true);
		measure(index, "host misses",
				queries(random, (r) -> "shop" + r.nextInt() + ".nowhere-" + r.nextInt(1000) + ".example"), false);
		measure(index, "deep subdomains (8 labels under a zone)",
				queries(random, (r) -> "a.b.c.d.e.f.g.h." + zone(r.nextInt(ZONES))), true);
		measure(index, "IPv4 hits", queries(random, (r) -> ipv4(r.nextInt(IPV4_PREFIXES), r.nextInt(128))), true);
		measure(index, "IPv6 hits", queries(random, (r) -> ipv6(r.nextInt(IPV6_PREFIXES)) + ":1:2:3:4:5"), true);
		measure(index, "IPv6 misses", queries(random, (r) -> "2001:fff0:" + Integer.toHexString(r.nextInt(65536)) + "::"
				+ Integer.toHexString(r.nextInt(65536))), false);
	}

	static CatalogIndex build() {
		Account[] accounts = new Account[ACCOUNTS];
		for (int i = 0; i < ACCOUNTS; i++) {
			accounts[i] = new Account(i, "acct-" + i, "Customer " + i, "abuse@customer" + i + ".example", i % 50 == 0,
					AccountStatus.ACTIVE);
		}
		List<Set<Service>> serviceSets = List.of(EnumSet.of(Service.PROXY), EnumSet.of(Service.HOSTING),
				EnumSet.of(Service.REGISTRAR, Service.DNS), EnumSet.of(Service.DNS));
		Origin origin = new Origin("203.0.113.10", "Example Origin Hosting", "abuse@origin-host.example");
		CatalogIndex.Builder builder = CatalogIndex.builder(1);
		long id = 1;
		for (int i = 0; i < ZONES; i++, id++) {
			Set<Service> services = serviceSets.get(i % 4);
			builder.add(id, PropertyKind.ZONE, zone(i), accounts[i % ACCOUNTS], services,
					services.contains(Service.PROXY) ? origin : null);
		}
		for (int i = 0; i < HOSTNAMES; i++, id++) {
			builder.add(id, PropertyKind.HOSTNAME, hostname(i), accounts[i % ACCOUNTS], serviceSets.get(1), null);
		}
		for (int i = 0; i < IPV4_PREFIXES; i++, id++) {
			builder.add(id, PropertyKind.IP_PREFIX, ipv4(i, 0) + "/" + ((i % 10 == 0) ? 25 : 24),
					accounts[i % ACCOUNTS], serviceSets.get(1), null);
		}
		for (int i = 0; i < IPV6_PREFIXES; i++, id++) {
			builder.add(id, PropertyKind.IP_PREFIX, ipv6(i) + ((i % 3 == 0) ? ":1::/64" : "::/48"),
					accounts[i % ACCOUNTS], serviceSets.get(1), null);
		}
		return builder.build();
	}

	static String zone(int i) {
		return "customer-" + i + ".example" + (i % 7) + ".com";
	}

	static String hostname(int i) {
		return "host-" + i + ".shared-hosting.example";
	}

	/** Distinct /24 networks from 10.0.0.0 upwards. */
	static String ipv4(int i, int host) {
		int network = (10 << 16) + i;
		return ((network >>> 16) & 0xFF) + "." + ((network >>> 8) & 0xFF) + "." + (network & 0xFF) + "." + host;
	}

	/** The first three groups of distinct /48 networks from 2001:db8::/48 upwards. */
	static String ipv6(int i) {
		return "2001:" + Integer.toHexString(0xdb8 + (i >>> 16)) + ":" + Integer.toHexString(i & 0xFFFF);
	}

	private interface QuerySource {

		String next(SplittableRandom random);

	}

	private static String[] queries(SplittableRandom random, QuerySource source) {
		String[] queries = new String[QUERIES];
		for (int i = 0; i < QUERIES; i++) {
			queries[i] = source.next(random);
		}
		return queries;
	}

	private static void measure(CatalogIndex index, String name, String[] queries, boolean expectHits) {
		for (String query : queries) {
			if (index.resolve(query).ours() != expectHits) {
				throw new IllegalStateException(name + ": unexpected answer for " + query);
			}
		}
		run(index, queries, MEASURE_NANOS / 3); // warm-up
		long[] result = run(index, queries, MEASURE_NANOS);
		System.out.printf("%-42s %,12d lookups/s%n", name, result[0] * 1_000_000_000L / result[1]);
	}

	/**
	 * @return lookups done and nanoseconds taken
	 */
	private static long[] run(CatalogIndex index, String[] queries, long nanos) {
		long lookups = 0;
		long sink = 0;
		long start = System.nanoTime();
		long elapsed;
		do {
			for (int i = 0; i < 1024; i++) {
				Resolution resolution = index.resolve(queries[(int) (lookups++ & (QUERIES - 1))]);
				sink += resolution.propertyId();
			}
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < nanos);
		if (sink == 42) {
			System.out.println();
		}
		return new long[] { lookups, elapsed };
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
