package org.abusedesk.transparency.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abusedesk.transparency.TransparencyReport.Table;

/** Helpers for the sections' tables: the first column is the key, the others numbers. */
final class Tables {

	private Tables() {
	}

	/** A table of one count per key, keys in the order given. */
	static Table counts(String name, String title, String key, Map<String, Long> counts) {
		List<List<Object>> rows = new ArrayList<>();
		counts.forEach((k, v) -> rows.add(List.of(k, v)));
		return new Table(name, title, List.of(key, "count"), rows);
	}

	/** Seconds as a number with one decimal, or {@code null}. */
	static Object seconds(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	/** A share between 0 and 1 with four decimals. */
	static Object share(long part, long whole) {
		return (whole == 0) ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

}
