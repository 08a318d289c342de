package org.abusedesk.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

class CanonicalJsonTests {

	@Test
	void sortsKeysAtEveryLevelWithoutWhitespace() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("z", 1);
		inner.put("a", List.of(Map.of("y", true, "b", "x")));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("url", "https://example.com/a b");
		details.put("inner", inner);
		details.put("count", 3);
		assertThat(CanonicalJson.of(details)).isEqualTo(
				"{\"count\":3,\"inner\":{\"a\":[{\"b\":\"x\",\"y\":true}],\"z\":1},\"url\":\"https://example.com/a b\"}");
	}

	@Test
	void isIndependentOfInsertionOrder() {
		Map<String, Object> forward = new LinkedHashMap<>();
		forward.put("a", 1);
		forward.put("b", Map.of("d", 2, "c", 3));
		Map<String, Object> backward = new LinkedHashMap<>();
		backward.put("b", Map.of("c", 3, "d", 2));
		backward.put("a", 1);
		assertThat(CanonicalJson.of(forward)).isEqualTo(CanonicalJson.of(backward));
	}

	@Test
	void writesTimesAndIdsAsStrings() {
		UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		assertThat(CanonicalJson.of(Map.of("at", Instant.parse("2026-03-01T12:00:00Z"), "id", id)))
			.isEqualTo("{\"at\":\"2026-03-01T12:00:00Z\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}");
	}

	@Test
	void writesNullDetailsAsTheEmptyObjectAndKeepsNullValues() {
		assertThat(CanonicalJson.of(null)).isEqualTo("{}");
		Map<String, Object> details = new HashMap<>();
		details.put("reason", null);
		assertThat(CanonicalJson.of(details)).isEqualTo("{\"reason\":null}");
	}

	@Test
	void anyInsertionOrderGivesTheSameForm() {
		qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 8)).ofSizeBetween(0, 12),
				integers().all())
			.checkAssert((keys, seed) -> {
				Map<String, Object> original = new LinkedHashMap<>();
				for (int i = 0; i < keys.size(); i++) {
					original.put(keys.get(i), (i % 2 == 0) ? i : Map.of("k" + i, keys.get(i)));
				}
				List<String> shuffled = new ArrayList<>(original.keySet());
				Collections.shuffle(shuffled, new java.util.Random(seed));
				Map<String, Object> reordered = new LinkedHashMap<>();
				shuffled.forEach((key) -> reordered.put(key, original.get(key)));
				assertThat(CanonicalJson.of(reordered)).isEqualTo(CanonicalJson.of(original));
			});
	}

}
