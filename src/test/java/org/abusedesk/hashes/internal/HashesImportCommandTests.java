package org.abusedesk.hashes.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.abusedesk.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code abusedesk hashes import FILE --list NAME --source SOURCE} on the command line.
 */
class HashesImportCommandTests {

	@Test
	void readsHashesImportWithItsListAndSource(@TempDir Path dir) throws Exception {
		Path csv = Files.writeString(dir.resolve("h.csv"), "algorithm,hash\n");
		CommandRun run = CommandRun.parse("hashes", "import", csv.toString(), "--list", "ncmec", "--source=ncmec",
				"--server.port=1");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.springArguments()).containsExactly("--server.port=1");
	}

	@Test
	void hashesImportWithoutListOrSourceGivesUsageAndStatusTwo() {
		CommandRun run = CommandRun.parse("hashes", "import", "h.csv", "--list", "x");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("hashes import needs --list NAME and --source SOURCE\nusage: abusedesk");
		assertThat(run.springArguments()).isNull();
	}

	@Test
	void aFileThatCannotBeReadGivesStatusTwoBeforeTheDatabase(@TempDir Path dir) {
		CommandRun run = CommandRun.parse("hashes", "import", dir.resolve("missing.csv").toString(), "--list", "x",
				"--source", "y");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("cannot read " + dir.resolve("missing.csv"));
		assertThat(run.springArguments()).isNull();
	}

}
