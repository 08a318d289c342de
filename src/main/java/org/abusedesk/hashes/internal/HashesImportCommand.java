package org.abusedesk.hashes.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;
import org.abusedesk.hashes.KnownContent;

import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk hashes import FILE --list NAME --source SOURCE}: adds a known-content
 * hash list; invalid lines are reported by number and skipped, exit 1 if any.
 */
@Order(60)
class HashesImportCommand implements Subcommand {

	static final List<String> OPTIONS = List.of("--list", "--source");

	@Override
	public String name() {
		return "hashes import";
	}

	@Override
	public List<String> usage() {
		return List.of("hashes import FILE --list NAME --source SOURCE [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, OPTIONS, List.of());
		if (split.words().size() != 1) {
			throw new UsageException();
		}
		Map<String, String> options = split.options();
		if (options.get("list") == null || options.get("source") == null) {
			throw new UsageException("hashes import needs --list NAME and --source SOURCE");
		}
		Path file = Path.of(split.words().get(0));
		String csv;
		try {
			csv = Files.readString(file);
		}
		catch (IOException ex) {
			terminal.err().println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		return desk.run(split.springArguments(), (context) -> {
			KnownContent.ImportResult result = context.getBean(KnownContent.class)
				.importList(csv, options.get("list"), options.get("source"), "cli:" + System.getProperty("user.name"));
			terminal.out()
				.printf("hashes import: %d imported, %d already listed, %d lines rejected%n", result.imported(),
						result.alreadyListed(), result.rejected().size());
			result.rejected().forEach((message) -> terminal.out().println("  " + file + ": " + message));
			return result.rejected().isEmpty() ? 0 : 1;
		});
	}

}
