package org.abusedesk.intake.internal;

import java.util.List;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;

/**
 * What one report type asks of the reporter, beyond the common fields. The API validator
 * and the web form both read it, so they cannot disagree.
 *
 * @param type the report type
 * @param title shown when choosing the type
 * @param description one paragraph on when to use it
 * @param fields the type-specific fields, in form order
 * @param reporterOptional whether name and email may be left out (DSA Art. 16 for CSAM)
 * @param directUrlRequired whether each URL must point at the content, not a whole site
 * @param anonymousForwarding whether the reporter may ask for {@code send-anon}
 * @param ncmec whether the reporter chooses how the NCMEC referral names them
 * @param addresses whether IP addresses may be reported instead of URLs (network abuse)
 * @param documentRequired whether the report must carry a document (a legal order)
 */
record TypeSpec(ReportType type, String title, String description, List<FieldSpec> fields, boolean reporterOptional,
		boolean directUrlRequired, boolean anonymousForwarding, boolean ncmec, boolean addresses,
		boolean documentRequired) {

	/** Whether the reporter may choose {@code choice} for the given recipient. */
	boolean allows(String recipient, NotifyChoice choice) {
		return switch (choice) {
			case SEND -> true;
			case SEND_ANON -> this.anonymousForwarding;
			case NONE -> "owner".equals(recipient) && this.type.allowsNoOwnerNotice();
		};
	}

}
