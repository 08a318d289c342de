package org.abusedesk.transparency.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A mitigation's territorial scope in the codes the DSA Transparency Database accepts:
 * the 27 member states and Iceland, Liechtenstein and Norway (the EEA), Greece as
 * {@code GR}. An empty scope (everywhere) is every one of them, {@code EU} the 27 member
 * states; codes outside the EEA are dropped, since the database takes none.
 */
final class Territories {

	static final List<String> EU = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
			"HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

	static final List<String> EEA = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
			"HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

	private Territories() {
	}

	/**
	 * The database's codes for {@code scope}, in the database's order; empty when the
	 * scope names no EEA country at all.
	 */
	static List<String> of(List<String> scope) {
		if (scope.isEmpty()) {
			return EEA;
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String raw : scope) {
			String code = raw.strip().toUpperCase(Locale.ROOT);
			switch (code) {
				case "EU" -> codes.addAll(EU);
				case "EEA" -> codes.addAll(EEA);
				// ISO 3166 has GR; the EU's own style guide writes EL
				case "EL" -> codes.add("GR");
				default -> codes.add(code);
			}
		}
		return EEA.stream().filter(codes::contains).toList();
	}

}
