package org.abusedesk.transparency;

import java.io.IOException;
import java.io.Writer;

/**
 * The transparency report and the export of statements of reasons, for the CLI, the API
 * and the console.
 */
public interface TransparencyReports {

	/** Every section's numbers for {@code period}. */
	TransparencyReport report(Period period);

	/**
	 * Writes {@code report} as {@code md}, {@code json}, {@code csv} or {@code html}.
	 * @throws IllegalArgumentException for another format
	 */
	void render(TransparencyReport report, String format, Writer out) throws IOException;

	/**
	 * Writes the statements of reasons made in {@code period}, oldest first, as
	 * {@code json} (an object with {@code statements}, the database's batch form) or
	 * {@code csv} (one row per statement, list fields joined by {@code |}).
	 * @return how many were written
	 * @throws IllegalArgumentException for another format
	 */
	int exportStatements(Period period, String format, Writer out) throws IOException;

}
