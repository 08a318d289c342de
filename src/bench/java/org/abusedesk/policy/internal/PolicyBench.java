package org.abusedesk.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluations per second of the default policy on one thread, over a mix of every
 * service, report type and reporter kind with random flags. In this package because the
 * evaluator is internal to the policy module.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyBench {

	private static final int FACTS = 1 << 12;

	private static final List<String> KINDS = List.of("individual", "trusted_flagger", "rights_holder",
			"law_enforcement");

	private CompiledPolicy policy;

	private DecisionFacts[] facts;

	private int next;

	@Setup
	public void setUp() {
		this.policy = PolicyRegistry.compileOrFail(PolicyRegistry.defaultDocument());
		SplittableRandom random = new SplittableRandom(7);
		List<DecisionFacts> all = new ArrayList<>();
		Service[] services = Service.values();
		for (int i = 0; i < FACTS; i++) {
			String kind = KINDS.get(random.nextInt(KINDS.size()));
			all.add(new DecisionFacts(services[random.nextInt(services.length)],
					Vocabulary.REPORT_TYPES.get(random.nextInt(Vocabulary.REPORT_TYPES.size())), kind,
					random.nextBoolean() ? "DE" : null, List.of(), random.nextInt(10) == 0, random.nextBoolean(),
					random.nextInt(4) == 0, random.nextInt(8) == 0, "trusted_flagger".equals(kind),
					random.nextInt(20) == 0, random.nextInt(10) == 0, random.nextInt(100) == 0));
		}
		this.facts = all.toArray(DecisionFacts[]::new);
	}

	@Benchmark
	public String evaluate() {
		this.next = (this.next + 1) & (FACTS - 1);
		return this.policy.evaluate(this.facts[this.next]).rule();
	}

}
