package org.abusedesk.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the detector per kind on the generated corpus. A finding counts
 * as right when it overlaps a labelled span of the same kind; each label is found or
 * missed once. The figures are printed and quoted in the README.
 */
class PersonalDataCorpusTests {

	static final int TEXTS = 400;

	private static final Set<PersonalDataKind> HELD_TO_TARGET = Set.of(PersonalDataKind.PHONE, PersonalDataKind.EMAIL,
			PersonalDataKind.IBAN, PersonalDataKind.NATIONAL_ID);

	@Test
	void precisionAndRecallPerKindMeetTheTargets() {
		Map<PersonalDataKind, Score> scores = measure(PersonalDataDetector.standard(),
				new PersonalDataCorpus().generate(TEXTS));
		System.out.println(table(scores));
		for (PersonalDataKind kind : HELD_TO_TARGET) {
			Score score = scores.get(kind);
			assertThat(score.recall()).as("recall of %s", kind.wire()).isGreaterThanOrEqualTo(0.95);
			assertThat(score.precision()).as("precision of %s", kind.wire()).isGreaterThanOrEqualTo(0.9);
		}
	}

	/** Counts per kind over the corpus. */
	static Map<PersonalDataKind, Score> measure(PersonalDataDetector detector, List<PersonalDataCorpus.Text> texts) {
		Map<PersonalDataKind, Score> scores = new EnumMap<>(PersonalDataKind.class);
		for (PersonalDataKind kind : PersonalDataKind.values()) {
			scores.put(kind, new Score());
		}
		for (PersonalDataCorpus.Text text : texts) {
			List<PersonalDataFinding> findings = detector.detect(text.text());
			for (PersonalDataFinding finding : findings) {
				boolean right = text.labels()
					.stream()
					.anyMatch(
							(label) -> label.kind() == finding.kind() && finding.overlaps(label.start(), label.end()));
				Score score = scores.get(finding.kind());
				if (right) {
					score.truePositives++;
				}
				else {
					score.falsePositives++;
					score.examples.add("FP " + finding.kind().wire() + " '"
							+ text.text().substring(finding.start(), finding.end()) + "' (" + finding.why() + ")");
				}
			}
			for (PersonalDataCorpus.Label label : text.labels()) {
				boolean found = findings.stream()
					.anyMatch((finding) -> finding.kind() == label.kind()
							&& finding.overlaps(label.start(), label.end()));
				Score score = scores.get(label.kind());
				score.labels++;
				if (!found) {
					score.examples
						.add("FN " + label.variant() + " '" + text.text().substring(label.start(), label.end()) + "'");
				}
				else {
					score.found++;
				}
			}
		}
		return scores;
	}

	static String table(Map<PersonalDataKind, Score> scores) {
		StringBuilder out = new StringBuilder(
				String.format("%-15s %7s %7s %9s %7s%n", "kind", "labels", "found", "precision", "recall"));
		scores.forEach((kind, score) -> out.append(String.format(java.util.Locale.ROOT, "%-15s %7d %7d %9.3f %7.3f%n",
				kind.wire(), score.labels, score.found, score.precision(), score.recall())));
		scores.values().forEach((score) -> score.examples.stream().limit(8).forEach((e) -> out.append(e).append('\n')));
		return out.toString();
	}

	static final class Score {

		int labels;

		int found;

		int truePositives;

		int falsePositives;

		final List<String> examples = new java.util.ArrayList<>();

		double precision() {
			int reported = this.truePositives + this.falsePositives;
			return (reported == 0) ? 1.0 : (double) this.truePositives / reported;
		}

		double recall() {
			return (this.labels == 0) ? 1.0 : (double) this.found / this.labels;
		}

	}

}
