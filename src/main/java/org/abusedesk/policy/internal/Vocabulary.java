package org.abusedesk.policy.internal;

import java.util.List;
import java.util.Set;

/**
 * The wire values a policy speaks about. Kept here rather than taken from intake, which
 * policy must not depend on; they are DOMAIN.md's words.
 */
final class Vocabulary {

	static final List<String> REPORT_TYPES = List.of("dmca", "trademark", "phishing", "children", "ncsei", "threat",
			"privacy", "general", "legal_order", "registrar_whois");

	static final List<String> REPORTER_KINDS = List.of("individual", "organisation", "rights_holder", "trusted_flagger",
			"law_enforcement", "government", "automated_feed");

	static final Set<String> DENIAL_REASONS = Set.of("unable_to_confirm", "incomplete_report", "not_ours",
			"duplicate_report", "content_removed", "report_details_mismatch", "no_abuse_found", "missing_original_work",
			"direct_url_required", "wrong_report_category", "content_unavailable", "law_enforcement_referral_required",
			"domain_dispute_process_required");

	/** What the content detector finds (the content module's personal data kinds). */
	static final List<String> PERSONAL_DATA_KINDS = List.of("phone", "email", "street_address", "national_id", "iban",
			"date_of_birth", "coordinates", "licence_plate");

	private Vocabulary() {
	}

	/** Index of a report type, or -1 when unknown. */
	static int reportType(String wire) {
		return (wire != null) ? REPORT_TYPES.indexOf(wire) : -1;
	}

	/** Index of a reporter kind, or -1 when unknown. */
	static int reporterKind(String wire) {
		return (wire != null) ? REPORTER_KINDS.indexOf(wire) : -1;
	}

}
