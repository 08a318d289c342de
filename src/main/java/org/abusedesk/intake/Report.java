package org.abusedesk.intake;

import java.time.Instant;
import java.util.List;

import org.abusedesk.catalog.Resolution;

/**
 * A stored report with the resolution of its host as it was when the report arrived. A
 * network abuse report may name IP addresses instead of URLs.
 */
public record Report(long id, String trackingCode, ReportType type, ReportStatus status, String denialReason,
		Reporter reporter, List<String> urls, List<String> addresses, String justification, String comments,
		String targetedBrand, NotifyChoice notifyHost, NotifyChoice notifyOwner, Resolution resolution,
		Instant receivedAt) {

	/** The audit stream of this report. */
	public String stream() {
		return "report:" + this.id;
	}

}
