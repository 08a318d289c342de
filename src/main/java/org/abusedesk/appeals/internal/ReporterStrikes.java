package org.abusedesk.appeals.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReporterSuspensions.Suspension;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff mark a denied notice as manifestly unfounded: its reporter gets a strike and,
 * past the thresholds ({@link Strikes}), a warning or a suspension, each told to them in
 * words that say why and for how long. Never for a {@code children} report: whoever
 * reports child sexual abuse material is never discouraged.
 */
@Service
class ReporterStrikes {

	/**
	 * @param consequence {@code none}, {@code warning} or {@code suspension}
	 * @param suspendedUntil until when the reporter's notices are suspended, or
	 * {@code null}
	 */
	record Marked(long reportId, String consequence, Instant suspendedUntil) {
	}

	private final Reports reports;

	private final Strikes strikes;

	private final Outbound messages;

	ReporterStrikes(Reports reports, Strikes strikes, Outbound messages) {
		this.reports = reports;
		this.strikes = strikes;
		this.messages = messages;
	}

	/**
	 * @throws ResponseStatusException 404 for an unknown report, 409 for one not denied
	 * or marked already
	 * @throws InvalidInputException for a {@code children} report, a report without a
	 * reporter's email, or a missing note
	 */
	@Transactional
	Marked mark(long reportId, String note, String staff) {
		String why = (note != null) ? note.strip() : "";
		if (why.isEmpty() || why.length() > AppealForm.MAX_TEXT) {
			throw new InvalidInputException("note", why.isEmpty() ? "required" : "too_long",
					"Say why the notice is manifestly unfounded (at most " + AppealForm.MAX_TEXT + " characters).");
		}
		Report report = this.reports.find(reportId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report " + reportId));
		if ("children".equals(report.type().wire())) {
			throw new InvalidInputException("report_id", "children",
					"Reports of child sexual abuse material never count against their reporter.");
		}
		if (report.status() != ReportStatus.DENIED) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Report " + reportId + " is " + report.status().wire() + "; only a denied notice is marked.");
		}
		String email = report.reporter().email();
		if (email == null || email.isBlank()) {
			throw new InvalidInputException("report_id", "anonymous", "The report has no reporter to strike.");
		}
		Strikes.Consequence consequence = this.strikes
			.reporterStrike(email, reportId, report.type().wire(), why, "staff:" + staff)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"Report " + reportId + " is marked manifestly unfounded already."));
		Optional<Suspension> suspension = this.strikes.of(email, report.type().wire());
		switch (consequence) {
			case WARNING -> this.messages.queue(message(report, email, "warning",
					"A warning about your notices (" + report.trackingCode() + ")",
					"We reviewed your notice " + report.trackingCode() + " and found it manifestly unfounded: " + why
							+ "\n\nSeveral of your recent notices were. If more are, we will suspend the processing "
							+ "of your notices for " + this.strikes.reporterSuspension().toDays()
							+ " days (EU Digital Services Act, Article 23). Reports of child sexual abuse material "
							+ "are always accepted."));
			case SUSPENSION -> this.messages.queue(message(report, email, "suspension",
					"Your notices are suspended until " + suspension.orElseThrow().until(),
					"We reviewed your notice " + report.trackingCode() + " and found it manifestly unfounded: " + why
							+ "\n\n" + suspension.orElseThrow().message()
							+ "\n\nYou may contest this decision by replying to this message."));
			case NONE -> {
			}
		}
		return new Marked(reportId, consequence.name().toLowerCase(Locale.ROOT),
				suspension.map(Suspension::until).orElse(null));
	}

	private static Outbound.Message message(Report report, String email, String what, String subject, String text) {
		return new Outbound.Message("strike:report:" + report.id() + ":" + what, "notify_reporter", report.id(), 0,
				email, subject, "Hello" + (report.reporter().name() != null ? " " + report.reporter().name() : "")
						+ ",\n\n" + text + "\n");
	}

}
