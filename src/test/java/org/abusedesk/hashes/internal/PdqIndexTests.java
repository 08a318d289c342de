package org.abusedesk.hashes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.abusedesk.hashes.PdqHash;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The multi-index finds exactly what a scan of every hash finds. */
class PdqIndexTests implements WithQuickTheories {

	@Test
	void findsWhatAFullScanFinds() {
		qt().forAll(longs().all(), integers().between(0, PdqIndex.MAX_DISTANCE)).checkAssert((seed, distance) -> {
			SplittableRandom random = new SplittableRandom(seed);
			List<PdqHash> hashes = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				hashes.add(new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
			}
			// near copies of a few hashes, at every distance up to twice the one asked
			for (int i = 0; i < 100; i++) {
				hashes.add(flip(hashes.get(random.nextInt(20)), random.nextInt(2 * distance + 2), random));
			}
			PdqIndex index = new PdqIndex(hashes);
			for (int q = 0; q < 20; q++) {
				PdqHash query = flip(hashes.get(random.nextInt(20)), random.nextInt(distance + 2), random);
				List<Integer> expected = IntStream.range(0, hashes.size())
					.filter((i) -> hashes.get(i).distance(query) <= distance)
					.boxed()
					.toList();
				assertThat(index.within(query, distance)).containsExactlyInAnyOrderElementsOf(expected);
			}
		});
	}

	@Test
	void refusesDistancesItCannotAnswerCompletely() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PdqIndex(List.of()).within(new PdqHash(0, 0, 0, 0), 48));
	}

	static PdqHash flip(PdqHash hash, int bits, SplittableRandom random) {
		long[] words = { hash.low(), hash.lower(), hash.upper(), hash.high() };
		for (int i = 0; i < bits; i++) {
			int bit = random.nextInt(256);
			words[bit >>> 6] ^= 1L << (bit & 63);
		}
		return new PdqHash(words[3], words[2], words[1], words[0]);
	}

}
