package org.abusedesk.transparency.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.transparency.CustomerStatements;

import org.springframework.stereotype.Service;

/**
 * Writes the statement {@link StatementComposer} makes for the Transparency Database in
 * sentences a customer reads: every sentence is taken from a field of that statement, so
 * the customer's copy and the submitted one cannot say different things.
 */
@Service
class CustomerStatementWriter implements CustomerStatements {

	private final StatementScan scan;

	private final StatementComposer composer;

	CustomerStatementWriter(StatementScan scan, StatementComposer composer) {
		this.scan = scan;
		this.composer = composer;
	}

	@Override
	public Optional<CustomerStatement> of(long mitigationId) {
		return this.scan.facts(mitigationId).map(this::statement);
	}

	@Override
	public Map<Long, CustomerStatement> of(Collection<Long> mitigationIds) {
		Map<Long, StatementFacts> facts = new HashMap<>();
		this.scan.facts(mitigationIds).forEach((each) -> facts.put(each.mitigationId(), each));
		Map<Long, CustomerStatement> statements = new LinkedHashMap<>();
		for (Long id : mitigationIds) {
			StatementFacts each = facts.get(id);
			if (each != null && !statements.containsKey(id)) {
				statements.put(id, statement(each));
			}
		}
		return statements;
	}

	private CustomerStatement statement(StatementFacts facts) {
		Map<String, Object> statement = this.composer.restriction(facts);
		return new CustomerStatement((String) statement.get("puid"),
				!Territories.of(facts.territorialScope()).isEmpty(), sentences(facts, statement));
	}

	static List<String> sentences(StatementFacts facts, Map<String, Object> statement) {
		List<String> sentences = new ArrayList<>();
		sentences.add("What we decided: " + decision(statement) + ". It concerns "
				+ lowerFirst(text(statement, "content_type_other")) + ".");
		if (StatementComposer.ILLEGAL.equals(statement.get("decision_ground"))) {
			sentences.add("Ground: the content is illegal. The law relied on: "
					+ text(statement, "illegal_content_legal_ground") + ". "
					+ text(statement, "illegal_content_explanation"));
		}
		else {
			sentences.add("Ground: the content is incompatible with our terms of service. The term relied on: "
					+ text(statement, "incompatible_content_ground") + ". "
					+ text(statement, "incompatible_content_explanation"));
		}
		if (statement.get("decision_ground_reference_url") != null) {
			sentences.add("Our terms: " + statement.get("decision_ground_reference_url"));
		}
		sentences.add("Category: " + category(statement) + ".");
		sentences.add("Where it applies: " + (facts.territorialScope().isEmpty() ? "everywhere we provide the service"
				: "only in " + String.join(", ", facts.territorialScope())) + ".");
		sentences.add("Facts: " + text(statement, "decision_facts"));
		sentences.add("Automated means: " + ("Yes".equals(statement.get("automated_detection"))
				? "the content was detected by automated means" : "the content was not detected by automated means")
				+ ", and "
				+ ("AUTOMATED_DECISION_NOT_AUTOMATED".equals(statement.get("automated_decision"))
						? "the decision was not automated: a person reviewed and decided it"
						: "the decision was taken partly or fully by automated means")
				+ ".");
		sentences.add("Dates: the content was first reported on " + day(statement.get("content_date"))
				+ "; the restriction applies from " + day(statement.get("application_date")) + " " + until(statement)
				+ ".");
		sentences.add("Your options: ask for a review in your customer area (our internal complaint handling, "
				+ "DSA Art. 20); a person who took no part in the decision reviews it and tells you the outcome. "
				+ "You may also turn to a certified out-of-court dispute settlement body (DSA Art. 21) or to a court.");
		return sentences;
	}

	private static String decision(Map<String, Object> statement) {
		if ("DECISION_ACCOUNT_SUSPENDED".equals(statement.get("decision_account"))) {
			return "your account is suspended, and with it our service to you";
		}
		if ("DECISION_PROVISION_PARTIAL_TERMINATION".equals(statement.get("decision_provision"))) {
			return "our service for the domain is ended";
		}
		if (statement.get("decision_visibility_other") != null) {
			String other = text(statement, "decision_visibility_other");
			return lowerFirst(other.endsWith(".") ? other.substring(0, other.length() - 1) : other);
		}
		return "the content is disabled: nobody can reach it through our service";
	}

	private static String category(Map<String, Object> statement) {
		String category = words(text(statement, "category").replaceFirst("^STATEMENT_CATEGORY_", ""));
		category = switch (category) {
			case "other violation tc" -> "a violation of our terms of service";
			case "not specified notice" -> "not specified (a legal order)";
			default -> category;
		};
		Object keywords = statement.get("category_specification");
		if (keywords instanceof List<?> list && !list.isEmpty()) {
			category += " (" + String.join(", ",
					list.stream().map((k) -> words(k.toString().replaceFirst("^KEYWORD_", ""))).toList()) + ")";
		}
		return category;
	}

	private static String until(Map<String, Object> statement) {
		for (String field : List.of("end_date_account_restriction", "end_date_service_restriction",
				"end_date_visibility_restriction")) {
			if (statement.get(field) != null) {
				return "until " + day(statement.get(field));
			}
		}
		return "until it is reviewed or lifted (no end date is set)";
	}

	private static String day(Object isoDate) {
		return StatementComposer.words(LocalDate.parse(isoDate.toString()).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static String words(String code) {
		return code.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String text(Map<String, Object> statement, String field) {
		Object value = statement.get(field);
		return (value == null) ? "" : value.toString();
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

}
