package org.abusedesk.transparency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Composes a statement of reasons in the fields of the DSA Transparency Database API
 * ({@code POST /api/v1/statements}) from {@link StatementFacts}. Every text is written
 * here from the type of the mitigation and of the reports: nothing a reporter or a
 * customer wrote, no name, no URL, ends up in a statement.
 */
@Component
class StatementComposer {

	static final String ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";

	static final String INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";

	private final String puidPrefix;

	private final String termsUrl;

	StatementComposer(TransparencyProperties properties) {
		String puidPrefix = properties.puidPrefix();
		String termsUrl = properties.termsUrl();
		if (!puidPrefix.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new IllegalArgumentException(
					"abusedesk.transparency.puid-prefix must be 1 to 100 of A-Z, a-z, 0-9, _ and -: " + puidPrefix);
		}
		this.puidPrefix = puidPrefix;
		this.termsUrl = termsUrl.isBlank() ? null : termsUrl.strip();
	}

	String puid(StatementFacts facts, String kind) {
		return this.puidPrefix + "-m" + facts.mitigationId() + ("restoration".equals(kind) ? "-restored" : "");
	}

	/** The statement of the restriction {@code facts} describe. */
	Map<String, Object> restriction(StatementFacts facts) {
		Map<String, Object> statement = new LinkedHashMap<>();
		String until = (facts.expiresAt() != null) ? date(facts.expiresAt()) : null;
		switch (facts.type()) {
			case "phishing_interstitial" -> {
				statement.put("decision_visibility", List.of("DECISION_VISIBILITY_OTHER"));
				statement.put("decision_visibility_other",
						"A warning page is shown before the content; visitors may still continue to it.");
				statement.put("end_date_visibility_restriction", until);
			}
			case "account_suspend" -> {
				statement.put("decision_provision", "DECISION_PROVISION_TOTAL_SUSPENSION");
				statement.put("decision_account", "DECISION_ACCOUNT_SUSPENDED");
				statement.put("end_date_service_restriction", until);
				statement.put("end_date_account_restriction", until);
			}
			case "zone_terminate" -> {
				statement.put("decision_provision", "DECISION_PROVISION_PARTIAL_TERMINATION");
				statement.put("end_date_service_restriction", until);
			}
			default -> {
				statement.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"));
				statement.put("end_date_visibility_restriction", until);
			}
		}
		ground(statement, facts, explanation(facts));
		common(statement, facts, date(facts.effectiveAt()), restrictionFacts(facts));
		statement.put("puid", puid(facts, "restriction"));
		statement.values().removeIf(java.util.Objects::isNull);
		return statement;
	}

	/** The statement that the restriction {@code facts} describe was lifted. */
	Map<String, Object> restoration(StatementFacts facts) {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("decision_visibility", List.of("DECISION_VISIBILITY_OTHER"));
		statement.put("decision_visibility_other", "The restriction of statement " + puid(facts, "restriction")
				+ " was lifted after review; the content or service is restored.");
		ground(statement, facts,
				"After a review, staff found that the restriction " + "(" + describe(facts.type())
						+ ") is no longer justified and lifted it on " + words(facts.changedAt())
						+ ". The original ground is given above.");
		common(statement, facts, date(facts.changedAt()),
				"The restriction described in statement " + puid(facts, "restriction") + " (" + describe(facts.type())
						+ ") was lifted by staff after a review on " + words(facts.changedAt()) + ".");
		statement.put("puid", puid(facts, "restoration"));
		return statement;
	}

	private void ground(Map<String, Object> statement, StatementFacts facts, String explanation) {
		boolean illegal = ILLEGAL.equals(facts.decisionGround());
		statement.put("decision_ground", illegal ? ILLEGAL : INCOMPATIBLE);
		if (this.termsUrl != null) {
			statement.put("decision_ground_reference_url", this.termsUrl);
		}
		if (illegal) {
			String ground = (facts.orderLegalBasis() != null && "legal_block".equals(facts.type()))
					? facts.orderLegalBasis() : facts.legalGround();
			statement.put("illegal_content_legal_ground",
					limit((ground != null && !ground.isBlank()) ? ground : "Applicable law", 500));
			statement.put("illegal_content_explanation", limit(explanation, 2000));
		}
		else {
			statement.put("incompatible_content_ground",
					limit((facts.incompatibleGround() != null) ? facts.incompatibleGround() : "Terms of service", 500));
			statement.put("incompatible_content_explanation", limit(explanation, 2000));
		}
	}

	private static void common(Map<String, Object> statement, StatementFacts facts, String applicationDate,
			String decisionFacts) {
		statement.put("content_type", List.of("CONTENT_TYPE_OTHER"));
		statement.put("content_type_other", contentType(facts.entityType()));
		Category category = category(facts);
		statement.put("category", category.category());
		if (category.keyword() != null) {
			statement.put("category_specification", List.of(category.keyword()));
		}
		statement.put("territorial_scope", Territories.of(facts.territorialScope()));
		Instant contentSeen = (facts.firstReportAt() != null) ? facts.firstReportAt() : facts.effectiveAt();
		statement.put("content_date", date(contentSeen));
		statement.put("application_date", applicationDate);
		statement.put("decision_facts", limit(decisionFacts, 5000));
		Source source = source(facts);
		statement.put("source_type", source.type());
		if (source.identity() != null) {
			statement.put("source_identity", source.identity());
		}
		statement.put("automated_detection", "No");
		// every mitigation abusedesk takes passes a person: an approved plan, or an
		// emergency two approvers confirmed
		statement.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
	}

	private static String contentType(String entityType) {
		return switch (entityType) {
			case "account" -> "A customer account of a hosting or network service";
			case "zone" -> "A domain (zone) and every site under it";
			default -> "A web page or file at an address we serve";
		};
	}

	private static String explanation(StatementFacts facts) {
		String basis = switch (facts.type()) {
			case "phishing_interstitial" -> "The content imitates another organisation to obtain passwords or "
					+ "payment details (phishing); a reviewer confirmed it.";
			case "malware_block" -> "The content distributes malware; a reviewer confirmed it.";
			case "legal_block" -> "A legal order of a competent authority"
					+ ((facts.jurisdiction() != null) ? " (" + facts.jurisdiction() + ")" : "")
					+ " requires that access be prevented within its jurisdiction; the order was checked before it "
					+ "was applied.";
			case "emergency_block" -> "The content poses an imminent threat to the life or safety of a person; "
					+ "two reviewers approved a time-limited block and the case was referred to law enforcement.";
			case "account_suspend", "zone_terminate" ->
				"Repeated or serious breaches of the terms of service " + "were found on review.";
			default -> "The content was reported as " + describeReport(facts.reportType())
					+ " and a reviewer found that it breaks the law or the terms of service.";
		};
		return basis;
	}

	private static String restrictionFacts(StatementFacts facts) {
		String notice = switch (source(facts).type()) {
			case "SOURCE_TRUSTED_FLAGGER" -> "A notice from a trusted flagger";
			case "SOURCE_ARTICLE_16" -> "A notice (DSA Art. 16)";
			case "SOURCE_TYPE_OTHER_NOTIFICATION" -> "A notification";
			default -> "Our own review";
		};
		String service = facts.services().contains("hosting") ? "content stored on our hosting service"
				: facts.services().isEmpty() ? "a service we provide"
						: "a site using our " + String.join(", ", facts.services()) + " service";
		String scope = Territories.of(facts.territorialScope()).size() == Territories.EEA.size() ? "in every country"
				: "only in " + String.join(", ", Territories.of(facts.territorialScope()));
		String until = (facts.expiresAt() != null) ? " until " + words(facts.expiresAt()) : " until it is reviewed";
		return notice + " reported " + describeReport(facts.reportType()) + " concerning " + service + ". "
				+ "After review, " + describe(facts.type()) + " took effect on " + words(facts.effectiveAt()) + ", "
				+ scope + until + ". The customer was informed of the reasons and may appeal.";
	}

	private static String describe(String type) {
		return switch (type) {
			case "phishing_interstitial" -> "a warning page before the content";
			case "malware_block" -> "a block of the content";
			case "content_disable" -> "disabling the content";
			case "legal_block" -> "a block of the content in the ordering jurisdiction";
			case "emergency_block" -> "a time-limited emergency block";
			case "account_suspend" -> "the suspension of the customer's account";
			case "zone_terminate" -> "the end of our service for the domain";
			default -> "a restriction";
		};
	}

	private static String describeReport(String reportType) {
		return switch ((reportType != null) ? reportType : "") {
			case "dmca" -> "a copyright infringement";
			case "trademark" -> "a trademark infringement";
			case "phishing" -> "phishing or malware";
			case "children" -> "child sexual abuse material";
			case "ncsei" -> "non-consensual intimate imagery";
			case "threat" -> "a violent threat";
			case "privacy" -> "the disclosure of personal information";
			case "legal_order" -> "content subject to a legal order";
			case "registrar_whois" -> "a domain registration problem";
			default -> "illegal or harmful content";
		};
	}

	private record Category(String category, String keyword) {
	}

	private static Category category(StatementFacts facts) {
		switch (facts.type()) {
			case "phishing_interstitial":
				return new Category("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING");
			case "malware_block":
				return new Category("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", null);
			default:
				break;
		}
		return switch ((facts.reportType() != null) ? facts.reportType() : "") {
			case "dmca" -> new Category("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
					"KEYWORD_COPYRIGHT_INFRINGEMENT");
			case "trademark" -> new Category("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
					"KEYWORD_TRADEMARK_INFRINGEMENT");
			case "phishing" -> new Category("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_PHISHING");
			case "children" ->
				new Category("STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL");
			case "ncsei" -> new Category("STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING");
			case "threat" -> new Category("STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_CYBER_HARASSMENT");
			case "privacy" -> new Category("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", null);
			case "legal_order" -> new Category("STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", null);
			default -> "emergency_block".equals(facts.type())
					? new Category("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", null)
					: new Category("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", null);
		};
	}

	private record Source(String type, String identity) {
	}

	private static Source source(StatementFacts facts) {
		List<String> kinds = facts.reporterKinds();
		if (kinds.contains("trusted_flagger")) {
			return new Source("SOURCE_TRUSTED_FLAGGER", null);
		}
		if ("legal_order".equals(facts.reportType())) {
			return new Source("SOURCE_TYPE_OTHER_NOTIFICATION", "An order of a competent authority"
					+ ((facts.jurisdiction() != null) ? " (" + facts.jurisdiction() + ")" : ""));
		}
		if (kinds.contains("law_enforcement") || kinds.contains("government")) {
			return new Source("SOURCE_TYPE_OTHER_NOTIFICATION", "A notification from a public authority");
		}
		if (kinds.isEmpty()) {
			return new Source("SOURCE_VOLUNTARY", null);
		}
		return new Source("SOURCE_ARTICLE_16", null);
	}

	/**
	 * A date in words for the texts ("5 December 2026"): digits with dashes read as a
	 * telephone number to the database's personal-data check.
	 */
	static String words(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
			.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
	}

	static String date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private static String limit(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
