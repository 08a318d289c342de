package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes two reports the same for duplicate detection: the same reporter (by email),
 * the same type and the same set of URLs and addresses, in any order.
 */
final class Fingerprints {

	private Fingerprints() {
	}

	/** The fingerprint, or {@code null} for a report without a reporter email. */
	static String of(ReportSubmission report) {
		if (report.reporter() == null || report.reporter().email() == null) {
			return null;
		}
		List<String> targets = new ArrayList<>(report.urls());
		targets.addAll(report.addresses());
		targets.sort(null);
		String canonical = report.reporter().email().toLowerCase(Locale.ROOT) + "\n" + report.type().wire() + "\n"
				+ String.join("\n", targets);
		return RawSubmissionArchive.sha256(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
