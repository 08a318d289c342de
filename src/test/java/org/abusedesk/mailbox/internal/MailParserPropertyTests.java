package org.abusedesk.mailbox.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Whatever a sender does to a message, the parser answers and leaves the bytes alone. */
class MailParserPropertyTests {

	private static final String SPECIALS = "\r\n-:;=\"<>{}[]";

	private final MailParser parser = new MailParser(MailLimits.DEFAULTS);

	@Test
	void neverThrowsOnMutatedMessagesAndNeverChangesTheRawBytes() {
		qt().withExamples(400)
			.forAll(integers().between(0, Fixtures.ALL.length - 1), longs().all(), integers().between(1, 40))
			.checkAssert((fixture, seed, mutations) -> {
				byte[] raw = mutate(Fixtures.bytes(Fixtures.ALL[fixture]), new SplittableRandom(seed), mutations);
				byte[] copy = raw.clone();
				ParsedMessage parsed = this.parser.parse(raw);
				assertThat(parsed).isNotNull();
				assertThat(parsed.format()).isNotNull();
				assertThat(parsed.targets()).isNotNull().doesNotContainNull();
				assertThat(parsed.targets().size()).isLessThanOrEqualTo(MailLimits.DEFAULTS.maxTargets());
				assertThat(raw).isEqualTo(copy);
			});
	}

	@Test
	void neverThrowsOnRandomBytes() {
		qt().withExamples(300).forAll(longs().all(), integers().between(0, 4096)).checkAssert((seed, length) -> {
			byte[] raw = new byte[length];
			SplittableRandom random = new SplittableRandom(seed);
			for (int i = 0; i < length; i++) {
				raw[i] = (byte) random.nextInt(256);
			}
			assertThat(this.parser.parse(raw).problems()).isNotNull();
		});
	}

	/**
	 * Flips, deletes, duplicates and truncates; also swaps line endings, as mailers do.
	 */
	static byte[] mutate(byte[] raw, SplittableRandom random, int mutations) {
		byte[] bytes = raw;
		for (int i = 0; i < mutations && bytes.length > 0; i++) {
			int at = random.nextInt(bytes.length);
			switch (random.nextInt(5)) {
				case 0 -> bytes[at] = (byte) random.nextInt(256);
				case 1 -> {
					byte[] shorter = new byte[bytes.length - 1];
					System.arraycopy(bytes, 0, shorter, 0, at);
					System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
					bytes = shorter;
				}
				case 2 -> {
					int length = Math.min(random.nextInt(200), bytes.length - at);
					byte[] longer = new byte[bytes.length + length];
					System.arraycopy(bytes, 0, longer, 0, at + length);
					System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
					bytes = longer;
				}
				case 3 -> bytes = Arrays.copyOf(bytes, at);
				default -> bytes[at] = (byte) SPECIALS.charAt(random.nextInt(SPECIALS.length()));
			}
		}
		return bytes;
	}

}
