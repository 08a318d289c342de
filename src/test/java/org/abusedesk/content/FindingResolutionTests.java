package org.abusedesk.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Overlapping findings are resolved by precedence with a search by position, not by
 * comparing each finding with all kept before it, and keep what that comparison kept.
 */
class FindingResolutionTests {

	@Test
	void manyFindingsAreResolvedAsByComparingEachWithAllKept() {
		qt().withExamples(5_000).forAll(longs().all(), integers().between(0, 60)).checkAssert((seed, count) -> {
			SplittableRandom random = new SplittableRandom(seed);
			List<PersonalDataFinding> all = new ArrayList<>();
			PersonalDataKind[] kinds = PersonalDataKind.values();
			for (int i = 0; i < count; i++) {
				int start = random.nextInt(100);
				all.add(new PersonalDataFinding(kinds[random.nextInt(kinds.length)], start,
						start + 1 + random.nextInt(12), random.nextInt(3) / 2.0, "r" + i));
			}
			assertThat(PersonalDataDetector.resolve(all)).isEqualTo(byComparingWithAllKept(all));
		});
	}

	/** The resolution before the fix. */
	private static List<PersonalDataFinding> byComparingWithAllKept(List<PersonalDataFinding> all) {
		List<PersonalDataKind> precedence = List.of(PersonalDataKind.EMAIL, PersonalDataKind.IBAN,
				PersonalDataKind.NATIONAL_ID, PersonalDataKind.COORDINATES, PersonalDataKind.DATE_OF_BIRTH,
				PersonalDataKind.STREET_ADDRESS, PersonalDataKind.PHONE, PersonalDataKind.LICENCE_PLATE);
		List<PersonalDataFinding> ranked = new ArrayList<>(all);
		ranked.sort(Comparator.comparingInt((PersonalDataFinding f) -> precedence.indexOf(f.kind()))
			.thenComparing(Comparator.comparingDouble(PersonalDataFinding::confidence).reversed())
			.thenComparing(Comparator.comparingInt((PersonalDataFinding f) -> f.end() - f.start()).reversed()));
		List<PersonalDataFinding> kept = new ArrayList<>();
		for (PersonalDataFinding candidate : ranked) {
			if (kept.stream().noneMatch(candidate::overlaps)) {
				kept.add(candidate);
			}
		}
		kept.sort(Comparator.comparingInt(PersonalDataFinding::start).thenComparingInt(PersonalDataFinding::end));
		return List.copyOf(kept);
	}

}
