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

	/** This report accepted for handling (decided and attached to a case). */
	public Report accepted() {
		return new Report(this.id, this.trackingCode, this.type, ReportStatus.ACCEPTED, null, this.reporter, this.urls,
				this.addresses, this.justification, this.comments, this.details, this.notifyHost, this.notifyOwner,
				this.notifyNcmec, this.resolution, this.receivedAt);
	}

	/** This report denied with a reason (a {@code DenialReason} wire value). */
	public Report denied(String reason) {
		return new Report(this.id, this.trackingCode, this.type, ReportStatus.DENIED, reason, this.reporter, this.urls,
				this.addresses, this.justification, this.comments, this.details, this.notifyHost, this.notifyOwner,
				this.notifyNcmec, this.resolution, this.receivedAt);
	}

	/** The audit stream of this report. */
	public String stream() {
		return "report:" + this.id;
	}

}
