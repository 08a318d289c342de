package org.abusedesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.abusedesk.intake.mail.MailFormat;
import org.abusedesk.intake.mail.MailLimits;
import org.abusedesk.intake.mail.MailParser;

/**
 * Messages parsed per second, on one thread, for ARF and X-ARF v4 (our fixtures under
 * src/test/resources/mail). Not a test: run it with {@code ./mvnw -Pbench -DskipTests
 * test}. Figures are indicative (no JMH); compare runs on the same machine only.
 */
public final class MailParserBenchmark {

	private static final long MEASURE_NANOS = 3_000_000_000L;

	private MailParserBenchmark() {
	}

	public static void main(String[] args) {
		MailParser parser = new MailParser(MailLimits.DEFAULTS);
		measure(parser, "ARF (RFC 5965)", fixture("arf.eml"), MailFormat.ARF);
		measure(parser, "X-ARF v4 (base64 xarf.json)", fixture("xarf-v4.eml"), MailFormat.XARF_V4);
	}

	private static void measure(MailParser parser, String name, byte[] message, MailFormat expected) {
		if (parser.parse(message).format() != expected) {
			throw new IllegalStateException(name + ": not read as " + expected);
		}
		run(parser, message, MEASURE_NANOS / 3); // warm-up
		long[] result = run(parser, message, MEASURE_NANOS);
		System.out.printf("%-32s %,10d messages/s (%,d bytes each)%n", name, result[0] * 1_000_000_000L / result[1],
				message.length);
	}

	/**
	 * @return messages parsed and nanoseconds taken
	 */
	private static long[] run(MailParser parser, byte[] message, long nanos) {
		long parsed = 0;
		long sink = 0;
		long start = System.nanoTime();
		long elapsed;
		do {
			for (int i = 0; i < 64; i++) {
				sink += parser.parse(message).targets().size();
				parsed++;
			}
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < nanos);
		if (sink == 42) {
			System.out.println();
		}
		return new long[] { parsed, elapsed };
	}

	private static byte[] fixture(String name) {
		try (InputStream in = MailParserBenchmark.class.getResourceAsStream("/mail/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
