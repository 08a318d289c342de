package org.abusedesk.intake.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.abusedesk.intake.DenialReason;

/**
 * A report's status in the words its reporter reads on the status page.
 *
 * @param headline what became of the report, in one sentence
 * @param detail more about it, or {@code null}
 * @param received when we received it
 * @param decided when it was decided, or {@code null}
 * @param redress how to contest the decision, or {@code null} while there is none
 * @param messages what we wrote to the reporter, oldest first
 */
record ReportStatusWords(String headline, String detail, String received, String decided, String redress,
		List<Written> messages) {

	/** A message to the reporter, with when it was sent (or queued, until it is). */
	record Written(String subject, String body, String when) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	static ReportStatusWords of(ReportStatusController.ReportStatusView view) {
		String type = view.type().replace('_', ' ');
		String headline;
		String detail = null;
		String redress = null;
		switch (view.status()) {
			case "submitted" -> headline = "We received your " + type + " report and will decide on it shortly.";
			case "accepted" -> {
				headline = "We accepted your " + type + " report and are acting on it.";
				detail = "The messages below say what we did. We tell you here when anything changes.";
			}
			case "denied" -> {
				headline = "We cannot act on your " + type + " report.";
				detail = DenialReason.fromWire(view.denialReason())
					.map(DenialReason::explanation)
					.orElse(view.denialReason());
				if (view.duplicateOf() != null) {
					detail = detail + " The original report is " + view.duplicateOf() + ".";
				}
				redress = "If you think this decision is wrong, you can contest it within six months: reply to our "
						+ "message quoting the tracking code " + view.trackingCode() + ", and a person who took no "
						+ "part in the decision looks at it again. You may also turn to a certified out-of-court "
						+ "dispute settlement body or to the courts.";
			}
			default -> headline = "Your report is " + view.status().replace('_', ' ') + ".";
		}
		List<Written> written = view.messages()
			.stream()
			.map((m) -> new Written(m.subject(), m.body(),
					(m.sentAt() != null) ? "Sent " + when(m.sentAt()) : "Queued " + when(m.queuedAt())))
			.toList();
		return new ReportStatusWords(headline, detail, when(view.receivedAt()), when(view.decidedAt()), redress,
				written);
	}

	static String when(Instant instant) {
		return (instant != null) ? WHEN.format(instant.atOffset(ZoneOffset.UTC)) : null;
	}

}
