package org.abusedesk.mitigations.internal;

import java.util.List;

/**
 * The plain-language statement of why a mitigation was taken (DSA Art. 17), with its
 * ground in the vocabulary of the DSA Transparency Database. Built from the mitigation's
 * type, what it applies to, its legal basis and the decision's explanation only, so it
 * never carries the reporter's identity.
 *
 * @param text what the customer and the interstitial show
 * @param decisionGround {@code DECISION_GROUND_ILLEGAL_CONTENT} or
 * {@code DECISION_GROUND_INCOMPATIBLE_CONTENT}
 * @param legalGround the law relied on, for illegal content; otherwise {@code null}
 * @param incompatibleGround the term of service relied on, for incompatible content;
 * otherwise {@code null}
 */
record StatementOfReasons(String text, String decisionGround, String legalGround, String incompatibleGround) {

	static final String ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";

	static final String INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";

	static StatementOfReasons of(String type, String target, List<String> territorialScope, String legalBasis,
			String explanation) {
		String where = territorialScope.isEmpty() ? "" : " in " + String.join(", ", territorialScope);
		StatementOfReasons statement = switch (type) {
			case "phishing_interstitial" -> incompatible("Visitors to " + target + " see a warning page before "
					+ "the site, because it was reported as phishing (a page that imitates another organisation to "
					+ "obtain passwords or payment details) and we confirmed the report.",
					"Acceptable use policy: phishing");
			case "malware_block" -> incompatible("Access to " + target + " is blocked because it was reported "
					+ "as distributing malware and we confirmed the report.", "Acceptable use policy: malware");
			case "content_disable" -> incompatible(
					"The content at " + target + " is disabled because it was "
							+ "reported as breaking our terms of service and we confirmed the report.",
					"Terms of service: prohibited content");
			case "legal_block" -> illegal(
					"Access to " + target + " is blocked" + where + " to comply with a "
							+ "legal order of a competent authority.",
					(legalBasis != null) ? legalBasis : "Legal order");
			case "emergency_block" -> illegal(
					"Access to " + target + " is blocked for a limited time because "
							+ "it poses an imminent threat to a person's life or safety. Two reviewers approved it.",
					(legalBasis != null) ? legalBasis : "Imminent threat to life or safety");
			case "account_suspend" -> incompatible("The account " + target + " is suspended because of repeated "
					+ "or serious breaches of our terms of service.", "Terms of service: repeated violations");
			case "zone_terminate" -> incompatible("Our service for " + target + " is ended because of repeated "
					+ "or serious breaches of our terms of service.", "Terms of service: repeated violations");
			default -> incompatible("We restricted " + target + " because it breaks our terms of service.",
					"Terms of service");
		};
		if (legalBasis != null && INCOMPATIBLE.equals(statement.decisionGround())) {
			statement = new StatementOfReasons(statement.text(), ILLEGAL, legalBasis, null);
		}
		if (explanation != null && !explanation.isBlank()) {
			statement = new StatementOfReasons(statement.text() + " " + explanation.strip(), statement.decisionGround(),
					statement.legalGround(), statement.incompatibleGround());
		}
		return statement;
	}

	private static StatementOfReasons illegal(String text, String legalGround) {
		return new StatementOfReasons(text, ILLEGAL, legalGround, null);
	}

	private static StatementOfReasons incompatible(String text, String ground) {
		return new StatementOfReasons(text, INCOMPATIBLE, null, ground);
	}

}
