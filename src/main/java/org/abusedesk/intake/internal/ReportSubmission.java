package org.abusedesk.intake.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;

/**
 * A report that passed validation, not yet stored. {@code host} is the normalised host of
 * the URLs or, for a network abuse report without URLs, its first address;
 * {@code details} holds the type-specific fields by their wire names.
 */
record ReportSubmission(ReportType type, Reporter reporter, List<String> urls, List<String> addresses, String host,
		String justification, String comments, Map<String, Object> details, NotifyChoice notifyHost,
		NotifyChoice notifyOwner, NotifyChoice notifyNcmec, List<EvidenceFile> documents) {

}
