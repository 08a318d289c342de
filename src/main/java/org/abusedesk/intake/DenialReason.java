package org.abusedesk.intake;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * The enumerated reasons a report is denied (DOMAIN.md), each with words for the
 * reporter.
 */
public enum DenialReason implements WireValue {

	UNABLE_TO_CONFIRM("unable_to_confirm", "We could not confirm the abuse you reported."),
	INCOMPLETE_REPORT("incomplete_report", "The report lacks information we need to act on it."),
	NOT_OURS("not_ours", "The site or address you reported does not use our services."),
	DUPLICATE_REPORT("duplicate_report", "You already sent us this report; we are handling the original."),
	CONTENT_REMOVED("content_removed", "The content had already been removed."),
	REPORT_DETAILS_MISMATCH("report_details_mismatch", "The details of the report do not match the content."),
	NO_ABUSE_FOUND("no_abuse_found", "We found no abuse at the reported location."),
	MISSING_ORIGINAL_WORK("missing_original_work", "The report does not identify the original work."),
	DIRECT_URL_REQUIRED("direct_url_required", "We need the URL of the content itself, not of the whole site."),
	WRONG_REPORT_CATEGORY("wrong_report_category", "The report was filed under a category that does not fit."),
	CONTENT_UNAVAILABLE("content_unavailable", "We could not reach the reported content."),
	LAW_ENFORCEMENT_REFERRAL_REQUIRED("law_enforcement_referral_required",
			"This matter needs to go through law enforcement."),
	DOMAIN_DISPUTE_PROCESS_REQUIRED("domain_dispute_process_required",
			"Disputes over a domain name go through a domain dispute resolution process (such as the UDRP).");

	private final String wire;

	private final String explanation;

	DenialReason(String wire, String explanation) {
		this.wire = wire;
		this.explanation = explanation;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** One sentence for the reporter. */
	public String explanation() {
		return this.explanation;
	}

	public static Optional<DenialReason> fromWire(String value) {
		return Arrays.stream(values()).filter((reason) -> reason.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static DenialReason fromJson(String value) {
		return WireValue.read(DenialReason.class, value);
	}

}
