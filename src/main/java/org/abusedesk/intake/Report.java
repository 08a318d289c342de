package org.abusedesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.catalog.Resolution;

/**
 * A stored report with the resolution of its host as it was when the report arrived. A
 * network abuse report may name IP addresses instead of URLs.
 */
public record Report(long id, String trackingCode, ReportType type, ReportStatus status, String denialReason,
		Reporter reporter, List<String> urls, List<String> addresses, String justification, String comments,
		Map<String, Object> details, NotifyChoice notifyHost, NotifyChoice notifyOwner, NotifyChoice notifyNcmec,
		Resolution resolution, Instant receivedAt) {

	/** A type-specific field as text, or {@code null}. */
	public String detail(String name) {
		Object value = this.details.get(name);
		return (value != null) ? String.valueOf(value) : null;
	}

	/** The audit stream of this report. */
	public String stream() {
		return "report:" + this.id;
	}

}
