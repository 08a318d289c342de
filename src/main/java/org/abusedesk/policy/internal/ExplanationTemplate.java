package org.abusedesk.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.abusedesk.policy.DecisionFacts;

/**
 * An explanation with {@code {placeholder}}s for a few facts. Parsed once when the
 * document is compiled; rendering only concatenates. Values come from the closed
 * vocabularies or ISO codes, and the text is plain (never HTML), so nothing needs
 * escaping here.
 */
final class ExplanationTemplate {

	static final Set<String> PLACEHOLDERS = Set.of("service", "report_type", "reporter_kind", "jurisdiction",
			"order_scope", "personal_data_kinds", "known_content_lists");

	/** Literal text, or a placeholder name when {@code placeholder}. */
	private record Part(String text, boolean placeholder) {
	}

	private final List<Part> parts;

	private ExplanationTemplate(List<Part> parts) {
		this.parts = List.copyOf(parts);
	}

	/**
	 * Parses a template, adding a message per unknown or unclosed placeholder to
	 * {@code problems}.
	 */
	static ExplanationTemplate parse(String text, List<String> problems) {
		List<Part> parts = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf('{', at);
			if (open < 0) {
				parts.add(new Part(text.substring(at), false));
				break;
			}
			int close = text.indexOf('}', open);
			if (close < 0) {
				problems.add("explanation has an unclosed '{'");
				parts.add(new Part(text.substring(at), false));
				break;
			}
			parts.add(new Part(text.substring(at, open), false));
			String name = text.substring(open + 1, close);
			if (!PLACEHOLDERS.contains(name)) {
				problems.add("explanation uses unknown placeholder {" + name + "}; known: " + PLACEHOLDERS);
			}
			parts.add(new Part(name, true));
			at = close + 1;
		}
		return new ExplanationTemplate(parts);
	}

	String render(DecisionFacts facts) {
		StringBuilder out = new StringBuilder(128);
		for (Part part : this.parts) {
			out.append(part.placeholder() ? value(part.text(), facts) : part.text());
		}
		return out.toString();
	}

	private static String value(String name, DecisionFacts facts) {
		return switch (name) {
			case "service" -> facts.service().wire();
			case "report_type" -> String.valueOf(facts.reportType());
			case "reporter_kind" -> String.valueOf(facts.reporterKind());
			case "jurisdiction" -> (facts.jurisdiction() != null) ? facts.jurisdiction() : "an unknown jurisdiction";
			case "order_scope" -> facts.orderScope().isEmpty() ? "no territory" : String.join(", ", facts.orderScope());
			case "personal_data_kinds" -> facts.personalDataKinds().isEmpty() ? "none"
					: String.join(", ", facts.personalDataKinds()).replace('_', ' ');
			case "known_content_lists" -> String.join(", ", facts.knownContentLists());
			default -> "";
		};
	}

}
