package org.abusedesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher: no words serve, the words choose a module's subcommand, anything else
 * gets the help and status 2 without starting the application.
 */
class CommandLineTests {

	@Test
	void noWordsMeansServeAndOptionsGoToSpring() {
		String[] args = { "--server.port=9000" };
		assertThat(CommandLine.serves(args)).isTrue();
		assertThat(CommandLine.springArguments(args)).containsExactly("--server.port=9000");
		assertThat(CommandLine.serves(new String[] { "serve", "--server.port=9000" })).isTrue();
		assertThat(CommandLine.serves(new String[] { "audit", "verify" })).isFalse();
	}

	@Test
	void theHelpListsTheSubcommandsOfEveryModuleInTheirOrder() {
		assertThat(CommandRun.usage()).isEqualTo(
				"""
						usage: abusedesk [serve] [--spring.options]
						       abusedesk catalog import FILE [--spring.options]
						       abusedesk audit verify [--spring.options]
						       abusedesk policy check FILE [--spring.options]
						       abusedesk policy activate FILE [--author NAME] [--spring.options]
						       abusedesk policy backtest FILE [--since DATE] [--examples N] [--spring.options]
						       abusedesk intake mail [FILE...] [--spring.options]
						       abusedesk staff add|passwd|disable|enable|token|revoke|list ... [--spring.options]
						       abusedesk hashes import FILE --list NAME --source SOURCE [--spring.options]
						       abusedesk referrals export [--spring.options]
						       abusedesk transparency export --from DATE --to DATE [--format json|csv] [--spring.options]
						       abusedesk transparency report --from DATE --to DATE [--format md|json|csv|html] [--spring.options]""");
	}

	@Test
	void theReadmesCommandLineTableHasARowForEverySubcommand() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		assertThat(CommandLine.discover().names()).hasSize(8)
			.allSatisfy((name) -> assertThat(readme).contains("| `java -jar target/abusedesk.jar " + name));
	}

	@Test
	void theWordsChooseTheSubcommandAndTheOptionsGoToSpring() {
		CommandRun catalog = CommandRun.parse("catalog", "import", "c.json", "--spring.mail.port=2525");
		assertThat(catalog.exit()).isZero();
		assertThat(catalog.springArguments()).containsExactly("--spring.mail.port=2525");
		assertThat(CommandRun.parse("audit", "verify").springArguments()).isEmpty();
		assertThat(CommandRun.parse("intake", "mail").springArguments()).isEmpty();
		assertThat(CommandRun.parse("intake", "mail", "a.eml", "b.eml", "--x=y").springArguments())
			.containsExactly("--x=y");
		assertThat(CommandRun.parse("referrals", "export", "--server.port=1").springArguments())
			.containsExactly("--server.port=1");
	}

	@Test
	void unknownWordsGiveUsageAndStatusTwo() {
		for (String[] unknown : new String[][] { { "catalog", "export" }, { "catalog", "import" },
				{ "audit", "verify", "now" }, { "referrals" }, { "serve", "now" }, { "help" } }) {
			CommandRun run = CommandRun.parse(unknown);
			assertThat(run.exit()).as(String.join(" ", unknown)).isEqualTo(2);
			assertThat(run.err()).isEqualTo(CommandRun.usage() + System.lineSeparator());
			assertThat(run.springArguments()).isNull();
		}
	}

}
