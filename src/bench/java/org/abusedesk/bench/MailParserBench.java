package org.abusedesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.abusedesk.intake.MailFormat;
import org.abusedesk.mailbox.internal.MailLimits;
import org.abusedesk.mailbox.internal.MailParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ARF and X-ARF v4 messages parsed per second on one thread (our fixtures under
 * src/test/resources/mail).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MailParserBench {

	private MailParser parser;

	private byte[] arf;

	private byte[] xarf;

	@Setup
	public void setUp() {
		this.parser = new MailParser(MailLimits.DEFAULTS);
		this.arf = fixture("arf.eml");
		this.xarf = fixture("xarf-v4.eml");
		if (this.parser.parse(this.arf).format() != MailFormat.ARF
				|| this.parser.parse(this.xarf).format() != MailFormat.XARF_V4) {
			throw new IllegalStateException("The fixtures are not read as ARF and X-ARF v4");
		}
	}

	@Benchmark
	public int arf() {
		return this.parser.parse(this.arf).targets().size();
	}

	@Benchmark
	public int xarfV4() {
		return this.parser.parse(this.xarf).targets().size();
	}

	static byte[] fixture(String name) {
		try (InputStream in = MailParserBench.class.getResourceAsStream("/mail/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
