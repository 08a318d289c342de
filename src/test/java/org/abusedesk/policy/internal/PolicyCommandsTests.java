package org.abusedesk.policy.internal;

import org.abusedesk.CommandRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code abusedesk policy check | activate | backtest} on the command line. */
class PolicyCommandsTests {

	@Test
	void readsPolicyCommandsWithTheirFileAndTakesTheirOptionsFromSpring() {
		assertThat(CommandRun.parse("policy", "check", "p.yaml").springArguments()).isEmpty();
		assertThat(CommandRun.parse("policy", "activate", "p.yaml", "--author", "alice", "--server.port=1")
			.springArguments()).containsExactly("--server.port=1");
		assertThat(CommandRun.parse("policy", "backtest", "p.yaml", "--since=2025-01-01", "--examples", "3")
			.springArguments()).isEmpty();
	}

	@Test
	void anUnknownVerbOrAMissingFileGivesUsageAndStatusTwo() {
		for (String[] wrong : new String[][] { { "policy", "erase", "p.yaml" }, { "policy", "check" },
				{ "policy", "check", "a.yaml", "b.yaml" } }) {
			CommandRun run = CommandRun.parse(wrong);
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).startsWith("usage: abusedesk");
			assertThat(run.springArguments()).isNull();
		}
	}

}
