package org.abusedesk.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.intake.Report;

/**
 * The machine-readable part of a feedback report (RFC 5965, section 3.1) for a report,
 * for mail abuse desks that asked for ARF.
 */
final class FeedbackReports {

	static final String CONTENT_TYPE = "message/feedback-report";

	private FeedbackReports() {
	}

	static String of(Report report) {
		List<String> lines = new ArrayList<>();
		lines.add("Feedback-Type: abuse");
		lines.add("User-Agent: abusedesk");
		lines.add("Version: 1");
		lines.add("Arrival-Date: "
				+ DateTimeFormatter.RFC_1123_DATE_TIME.format(report.receivedAt().atOffset(ZoneOffset.UTC)));
		report.addresses().forEach((address) -> lines.add("Source-IP: " + address));
		report.urls().forEach((url) -> lines.add("Reported-URI: " + url));
		if (report.resolution() != null && report.resolution().target() != null) {
			lines.add("Reported-Domain: " + report.resolution().target());
		}
		return String.join("\r\n", lines) + "\r\n";
	}

}
