package org.abusedesk.commandline;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandOptionsTests {

	@Test
	void splitsTheWordsTheOptionsAndTheSpringArguments() {
		CommandOptions.Split split = CommandOptions.split(
				List.of("token", "ci", "--role=agent", "--expires", "7", "--server.port=1", "--password-stdin"),
				List.of("--role", "--expires"), List.of("--password-stdin"));
		assertThat(split.words()).containsExactly("token", "ci");
		assertThat(split.options()).containsEntry("role", "agent")
			.containsEntry("expires", "7")
			.containsEntry("password-stdin", "true");
		assertThat(split.springArguments()).containsExactly("--server.port=1");
	}

	@Test
	void anOptionWithoutItsValueIsKeptEmptySoThatItIsRefused() {
		assertThat(CommandOptions
			.split(List.of("--password-stdin", "--role"), List.of("--role"), List.of("--password-stdin"))
			.options()).containsEntry("password-stdin", "true").containsEntry("role", "");
	}

}
