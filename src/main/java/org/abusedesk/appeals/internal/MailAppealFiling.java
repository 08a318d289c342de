package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.notifications.Outbound;
import org.abusedesk.mailbox.MailAppeals;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.Reports;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A reporter's appeal by email reply: the reply's own words (not what it quotes) say
 * "appeal", its sender is the reporter of a denied report it names, and the appeal is
 * filed with the reason {@code other} and those words as the statement, by the rules of
 * the status page (window, one open appeal per decision). The reporter is told either
 * way: that the appeal was filed and by when it is due, or why it was not.
 */
@Component
class MailAppealFiling implements MailAppeals {

	private static final Pattern APPEAL = Pattern.compile("\\bappeal\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Where a mail client starts quoting the message answered. */
	private static final Pattern QUOTE_START = Pattern.compile(
			"^(On .+ wrote:|-+ ?Original Message ?-+|-----Urspr\u00fcngliche Nachricht-----|From: .+)$",
			Pattern.CASE_INSENSITIVE);

	private final AppealFiling filing;

	private final Reports reports;

	private final Outbound messages;

	MailAppealFiling(AppealFiling filing, Reports reports, Outbound messages) {
		this.filing = filing;
		this.reports = reports;
		this.messages = messages;
	}

	@Override
	public Optional<String> appeal(MailAppeal reply) {
		String words = ownWords(reply.text());
		if (reply.sender() == null || words.isEmpty() || !APPEAL.matcher(words).find()) {
			return Optional.empty();
		}
		String sender = reply.sender().strip();
		List<Report> own = this.reports.findAll(reply.reportIds())
			.stream()
			.filter((report) -> sender.equalsIgnoreCase(report.reporter().email()))
			.toList();
		if (own.isEmpty()) {
			// not the reporter: the reply is in the case's correspondence, nothing more
			return Optional.empty();
		}
		String statement = (words.length() > AppealForm.MAX_TEXT) ? words.substring(0, AppealForm.MAX_TEXT) : words;
		AppealForm.Checked form = new AppealForm.Checked(AppealReason.OTHER, statement, null);
		List<String> outcomes = new ArrayList<>();
		List<Report> denied = own.stream().filter((report) -> report.status() == ReportStatus.DENIED).toList();
		for (Report report : denied.isEmpty() ? own.subList(0, 1) : denied) {
			outcomes.add(file(reply.mailMessageId(), report, form));
		}
		return Optional.of(String.join("; ", outcomes));
	}

	private String file(long mailMessageId, Report report, AppealForm.Checked form) {
		String why;
		try {
			Appeal appeal = this.filing.fileReporter(report, form);
			tell(mailMessageId, report, "Your appeal of the decision on your report " + report.trackingCode(),
					"We received your appeal of the decision on your report " + report.trackingCode() + " (appeal "
							+ appeal.id() + "). A person who took no part in the decision will review it; we aim "
							+ "to decide by " + appeal.dueAt() + " and will tell you the outcome.");
			return "appeal:" + appeal.id();
		}
		catch (ResponseStatusException ex) {
			why = ex.getReason();
		}
		catch (InvalidInputException ex) {
			why = ex.errors().get(0).message();
		}
		tell(mailMessageId, report, "Your appeal of the decision on your report " + report.trackingCode(),
				"We could not take your appeal of the decision on your report " + report.trackingCode() + ": " + why);
		return "appeal refused for " + report.trackingCode() + ": " + why;
	}

	private void tell(long mailMessageId, Report report, String subject, String text) {
		String email = report.reporter().email();
		this.messages.queue(
				new Outbound.Message(
						"mail_message:" + mailMessageId + ":appeal:" + report.id() + ":"
								+ email.toLowerCase(Locale.ROOT),
						"notify_reporter", report.id(), 0, email, subject,
						"Hello" + ((report.reporter().name() != null) ? " " + report.reporter().name() : "") + ",\n\n"
								+ text + "\n"));
	}

	/**
	 * The reply's own words: up to where it starts quoting the message it answers,
	 * without quoted lines.
	 */
	static String ownWords(String text) {
		if (text == null) {
			return "";
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.lines().toList()) {
			String trimmed = line.strip();
			if (QUOTE_START.matcher(trimmed).matches()) {
				break;
			}
			if (!trimmed.startsWith(">")) {
				lines.add(line);
			}
		}
		return String.join("\n", lines).strip();
	}

}
