package org.abusedesk.bench;

import java.util.Collection;
import java.util.Map;

import org.abusedesk.content.DetectorQuality;
import org.abusedesk.hashes.PdqHashBench;
import org.abusedesk.hashes.PdqLookupBench;
import org.abusedesk.policy.internal.PolicyBench;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks, with short settings (one fork, 2 warm-up and 3 measured iterations
 * of 2 s) so that the whole harness stays within minutes on two cores. Each benchmark
 * runs on one thread.
 */
final class MicroBenchmarks {

	private MicroBenchmarks() {
	}

	static void run(Results results) throws RunnerException {
		run(results, ResolverBench.class.getName(), "-Xmx1g", "lookups/s");
		run(results, PolicyBench.class.getName(), "-Xmx512m", "evaluations/s");
		run(results, MailParserBench.class.getName(), "-Xmx512m", "messages/s");
		run(results, PdqHashBench.class.getName(), "-Xmx512m", "hashes/s");
		run(results, PdqLookupBench.class.getName(), "-Xmx1g", "lookups/s");
		DetectorQuality.measure((name, value) -> results.add(name, value, "ratio",
				Map.of("corpus", "400 generated texts, seed " + 20261205L, "match", "overlapping span, same kind")));
	}

	private static void run(Results results, String benchmark, String heap, String unit) throws RunnerException {
		Options options = new OptionsBuilder().include(benchmark.replace(".", "\\.") + "\\.")
			.forks(1)
			.threads(1)
			.warmupIterations(2)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(3)
			.measurementTime(TimeValue.seconds(2))
			.jvmArgs("-Xms" + heap.substring(4), heap)
			.shouldFailOnError(true)
			.build();
		Collection<RunResult> runs = new Runner(options).run();
		for (RunResult run : runs) {
			String method = run.getParams().getBenchmark();
			String simple = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
			results.add(simple, run.getPrimaryResult().getScore(), unit,
					Map.of("jmh", "1 fork, 2x2 s warm-up, 3x2 s measured, 1 thread", "heap", heap, "error_99_9",
							Math.round(run.getPrimaryResult().getScoreError())));
		}
	}

}
