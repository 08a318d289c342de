package org.abusedesk.content;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The personal-data detector's precision and recall per kind on the labelled corpus of
 * the tests (400 generated texts, fixed seed), for the benchmark's results.
 */
public final class DetectorQuality {

	private DetectorQuality() {
	}

	/** Calls {@code figure} with a name and a value for each kind's precision and recall. */
	public static void measure(BiConsumer<String, Double> figure) {
		Map<PersonalDataKind, PersonalDataCorpusTests.Score> scores = PersonalDataCorpusTests
			.measure(PersonalDataDetector.standard(), new PersonalDataCorpus().generate(PersonalDataCorpusTests.TEXTS));
		scores.forEach((kind, score) -> {
			figure.accept("detector_precision_" + kind.wire(), score.precision());
			figure.accept("detector_recall_" + kind.wire(), score.recall());
		});
	}

}
