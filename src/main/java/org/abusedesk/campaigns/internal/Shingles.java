package org.abusedesk.campaigns.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Word shingles of a text and the Jaccard likeness of two such sets: texts that differ in
 * a name, a date or the punctuation are still alike, unlike an exact comparison.
 */
final class Shingles {

	static final int WIDTH = 3;

	/** What separates words: compiled once (String.split compiles it at every call). */
	private static final java.util.regex.Pattern BETWEEN_WORDS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

	private Shingles() {
	}

	/** The hashes of the text's runs of {@link #WIDTH} words (fewer for a short text). */
	static Set<Integer> of(String text) {
		if (text == null) {
			return Set.of();
		}
		String[] words = BETWEEN_WORDS.split(text.toLowerCase(Locale.ROOT));
		java.util.List<String> kept = java.util.Arrays.stream(words).filter((word) -> !word.isEmpty()).toList();
		Set<Integer> shingles = new HashSet<>();
		if (kept.size() < WIDTH) {
			if (!kept.isEmpty()) {
				shingles.add(String.join(" ", kept).hashCode());
			}
			return shingles;
		}
		for (int i = 0; i + WIDTH <= kept.size(); i++) {
			shingles.add(String.join(" ", kept.subList(i, i + WIDTH)).hashCode());
		}
		return shingles;
	}

	static double likeness(Set<Integer> one, Set<Integer> other) {
		if (one.isEmpty() || other.isEmpty()) {
			return 0;
		}
		Set<Integer> smaller = (one.size() <= other.size()) ? one : other;
		Set<Integer> larger = (smaller == one) ? other : one;
		int shared = 0;
		for (Integer shingle : smaller) {
			if (larger.contains(shingle)) {
				shared++;
			}
		}
		return (double) shared / (one.size() + other.size() - shared);
	}

}
