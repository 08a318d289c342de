package org.abusedesk.audit.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	private static final Instant TIME = Instant.parse("2026-03-01T12:34:56.789012345Z");

	private static final String PREV = "ab".repeat(32);

	@Test
	void encodesEveryFieldWithItsByteLength() {
		assertThat(ChainHash.encode("case:7", 3, TIME, "staff:alice", "case.closed", "{\"reason\":\"résolu\"}", PREV))
			.isEqualTo("abusedesk-audit-v1\n6:case:7\n1:3\n27:2026-03-01T12:34:56.789012Z\n11:staff:alice\n"
					+ "11:case.closed\n20:{\"reason\":\"résolu\"}\n64:" + PREV + "\n");
	}

	@Test
	void hashOfAKnownEntryIsPinned() {
		// Computed independently (Python hashlib over the encoding above). If this
		// changes,
		// every stored chain stops verifying.
		assertThat(ChainHash.of("case:7", 3, TIME, "staff:alice", "case.closed", "{\"reason\":\"résolu\"}", PREV))
			.isEqualTo("7fd1962657b39a995df455fc0dd0adc3149f94b3febf598c0f43b5b83ef114fc");
	}

	@Test
	void fieldBoundariesAreUnambiguous() {
		assertThat(ChainHash.of("s", 1, TIME, "ab", "c", "{}", ChainHash.GENESIS))
			.isNotEqualTo(ChainHash.of("s", 1, TIME, "a", "bc", "{}", ChainHash.GENESIS));
		assertThat(ChainHash.of("s:1", 1, TIME, "a", "b", "{}", ChainHash.GENESIS))
			.isNotEqualTo(ChainHash.of("s:", 11, TIME, "a", "b", "{}", ChainHash.GENESIS));
	}

	@Test
	void timeIsFixedWidthUtcMicroseconds() {
		assertThat(ChainHash.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
		assertThat(ChainHash.time(TIME)).isEqualTo("2026-03-01T12:34:56.789012Z");
	}

	@Test
	void everyFieldIsCovered() {
		String base = ChainHash.of("s", 1, TIME, "a", "b", "{}", ChainHash.GENESIS);
		assertThat(ChainHash.of("t", 1, TIME, "a", "b", "{}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 2, TIME, "a", "b", "{}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 1, TIME.plusNanos(1000), "a", "b", "{}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 1, TIME, "x", "b", "{}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 1, TIME, "a", "x", "{}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 1, TIME, "a", "b", "{\"x\":1}", ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of("s", 1, TIME, "a", "b", "{}", PREV)).isNotEqualTo(base);
	}

}
