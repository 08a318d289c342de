package org.abusedesk.catalog.internal;

import java.util.List;

import org.abusedesk.catalog.InvalidTargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link TargetParser#parse} reads plain hosts and dotted quads on a shortcut; it must
 * read everything exactly as the general path {@link TargetParser#parseAny} does.
 */
class TargetParserTests implements WithQuickTheories {

	private Gen<String> inputs() {
		Gen<String> scheme = arbitrary()
			.pick(List.of("", "", "http://", "https://", "HTTPS://", "ftp://", "//", "https:/", "http:", " ", "\t"));
		Gen<String> userInfo = arbitrary().pick(List.of("", "", "", "user@", "u:p@", "@"));
		Gen<String> label = arbitrary().pick(List.of("www", "example", "org", "a", "b-c", "x_y", "-", "0", "1", "01",
				"255", "256", "0x1f", "3com", "Shop", "bücher", "xn--bcher-kva", "", "l".repeat(63), "l".repeat(64)));
		Gen<String> name = lists().of(label).ofSizeBetween(1, 5).map((labels) -> String.join(".", labels));
		Gen<String> quad = lists().of(integers().between(0, 300).map((number) -> String.valueOf(number)))
			.ofSizeBetween(3, 5)
			.map((parts) -> String.join(".", parts));
		Gen<String> host = name.mix(quad, 30)
			.mix(arbitrary().pick(List.of("[2001:db8::1]", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::ffff:192.0.2.1",
					"[::1]:8080", "::", ":::", "1:2", "1::2::3", "2001:db8::g", "::1.2.3.4", "fe80::1%eth0")), 10);
		Gen<String> trailingDot = arbitrary().pick(List.of("", "", "", "."));
		Gen<String> port = arbitrary().pick(List.of("", "", "", ":", ":80", ":65535", ":123456", ":8x", "::1"));
		Gen<String> rest = arbitrary()
			.pick(List.of("", "", "/", "/path?q=1", "?q", "#f", "\\x", "://y", " ", "/ ", "/a@b", " x"));
		return scheme.zip(userInfo, host, trailingDot, (s, u, h, d) -> s + u + h + d)
			.zip(port, rest, (start, p, r) -> start + p + r);
	}

	@Test
	void readsEveryInputAsTheGeneralPathDoes() {
		qt().withExamples(20_000).forAll(inputs()).checkAssert(this::assertSameAsGeneralPath);
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.org", "www.example.org:8443", "https://www.example.org/a?b#c", "http://a.b:/",
			"example.org:", "http://10.1.2.3:8080/x", "10.1.2.3", "0.0.0.0", "255.255.255.255", "https://https:80/",
			"host://x", "host:80//x", "a_b://x", "example.org.", "example..org", ".example.org", "example.123",
			"010.1.2.3", "1.2.3", "1.2.3.4.5", "256.1.1.1", "0x7f.1", "Example.org", "example.org ", " example.org",
			"user@example.org", "example.org:123456", "example.org:1:2", "xn--bcher-kva.example", "a.b.3com",
			"https://", "", "http://[2001:db8::1]/", "2001:db8::1", "2001:DB8::1", "::", ":::", "::1", "1:2", "a:b:c",
			"abc::", "1::2::3", "::ffff:192.0.2.1", "::1.2.3.4.5", "2001:db8::1 ", "2001:db8::1/64", "fe80::1%eth0",
			"1:2:3:4:5:6:7:8:9" })
	void readsTrickyInputsAsTheGeneralPathDoes(String input) {
		assertSameAsGeneralPath(input);
	}

	@Test
	void readsLongNamesAsTheGeneralPathDoes() {
		String label = "l".repeat(63);
		String name = String.join(".", label, label, label, "l".repeat(61));
		assertThat(name).hasSize(253);
		assertSameAsGeneralPath(name);
		assertSameAsGeneralPath("https://" + name + "/");
		assertSameAsGeneralPath(name + "l");
		assertSameAsGeneralPath("https://" + name + "l/");
		assertSameAsGeneralPath("l".repeat(64) + ".example");
	}

	@Test
	void sharesThePlainInputInsteadOfCopyingIt() {
		String host = "www.example.org";
		assertThat(TargetParser.parse(host).text()).isSameAs(host);
		String quad = "192.0.2.7";
		assertThat(TargetParser.parse(quad).text()).isSameAs(quad);
		assertThat(TargetParser.parse(quad).lo()).isEqualTo(0xC0000207L);
		assertThat(TargetParser.parse("https://www.example.org/x").text()).isEqualTo(host);
	}

	private void assertSameAsGeneralPath(String input) {
		Object expected = outcome(() -> TargetParser.parseAny(input));
		Object actual = outcome(() -> TargetParser.parse(input));
		assertThat(actual).as("'%s'", input).isEqualTo(expected);
	}

	/** The target, or the message of the rejection. */
	private static Object outcome(ParseCall call) {
		Throwable thrown = catchThrowable(() -> call.parse());
		if (thrown != null) {
			assertThat(thrown).isInstanceOf(InvalidTargetException.class);
			return "rejected: " + thrown.getMessage();
		}
		return call.parse();
	}

	private interface ParseCall {

		Target parse();

	}

}
