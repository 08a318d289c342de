package org.abusedesk.catalog.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.abusedesk.catalog.CatalogImport;
import org.abusedesk.commandline.CommandOptions;
import org.abusedesk.commandline.Desk;
import org.abusedesk.commandline.Subcommand;
import org.abusedesk.commandline.Terminal;
import org.abusedesk.commandline.UsageException;

import org.springframework.core.annotation.Order;

/**
 * {@code abusedesk catalog import FILE}: upserts the accounts, properties and services of
 * a catalog document; exit 1 when an entry was rejected.
 */
@Order(10)
class CatalogImportCommand implements Subcommand {

	@Override
	public String name() {
		return "catalog import";
	}

	@Override
	public List<String> usage() {
		return List.of("catalog import FILE [--spring.options]");
	}

	@Override
	public int run(List<String> args, Desk desk, Terminal terminal) {
		CommandOptions.Split split = CommandOptions.split(args, List.of(), List.of());
		if (split.words().size() != 1) {
			throw new UsageException();
		}
		Path file = Path.of(split.words().get(0));
		return desk.run(split.springArguments(), (context) -> {
			String document;
			try {
				document = Files.readString(file);
			}
			catch (IOException ex) {
				terminal.err().println("cannot read " + file + ": " + ex.getMessage());
				return 2;
			}
			CatalogImport.Result result = context.getBean(CatalogImport.class).apply(document);
			PrintStream out = terminal.out();
			out.printf("catalog import: %d accounts, %d properties applied, %d entries rejected%n",
					result.accountsApplied(), result.propertiesApplied(), result.rejected().size());
			result.rejected()
				.forEach((rejected) -> rejected.errors()
					.forEach((error) -> out.printf("  %s: %s (%s)%n", error.field(), error.message(), error.code())));
			return result.rejected().isEmpty() ? 0 : 1;
		});
	}

}
