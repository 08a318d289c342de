package org.abusedesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Every benchmark in one run: {@code ./mvnw -Pbench -DskipTests verify}. Writes
 * {@code target/bench/results.json} and {@code results.txt}. Properties:
 * {@code bench.only} ({@code micro} or {@code e2e}; both when empty),
 * {@code bench.seconds} (length of each end-to-end phase, default 20),
 * {@code bench.datasource-url} (an external PostgreSQL instead of the embedded one).
 */
public final class BenchSuite {

	private BenchSuite() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(System.getProperty("bench.out", "target/bench"));
		String only = System.getProperty("bench.only", "").trim();
		String seconds = System.getProperty("bench.seconds", "").trim();
		Duration phase = Duration.ofSeconds(seconds.isEmpty() ? 20 : Long.parseLong(seconds));
		String datasourceUrl = System.getProperty("bench.datasource-url", "").trim();
		Results results = new Results();
		results.add("machine", Runtime.getRuntime().availableProcessors(), "cpus",
				Map.of("memory_mb",
						((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
							.getTotalMemorySize() >> 20,
						"jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "date",
						Instant.now().toString(), "load_at_start", LoadAverage.now(), "database",
						datasourceUrl.isEmpty() ? "embedded PostgreSQL 17" : "external"));
		try {
			if (only.isEmpty() || only.equals("micro")) {
				MicroBenchmarks.run(results);
			}
			if (only.isEmpty() || only.equals("e2e")) {
				new EndToEnd(results, out, phase, datasourceUrl).run();
			}
		}
		finally {
			results.add("load average at end", Double.parseDouble(LoadAverage.now().split(" ")[0]), "1-min load",
					Map.of("load", LoadAverage.now()));
			results.write(out);
			System.out.println();
			System.out.print(results.table());
			System.out.println("Written to " + out.resolve("results.json"));
		}
	}

}
