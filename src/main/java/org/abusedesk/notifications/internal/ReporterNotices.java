package org.abusedesk.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.MailReportsFiled;
import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.ReportStatus;

import org.springframework.stereotype.Component;

/**
 * What the reporter is told on their own account: the receipt (DSA Art. 16(4)) and, for a
 * report denied on arrival, the decision with its reason and the ways to seek redress
 * (Art. 16(5)).
 */
@Component
class ReporterNotices {

	private final String publicBaseUrl;

	ReporterNotices(NotificationProperties properties) {
		this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	/**
	 * Whether the reporter is emailed the receipt and an arrival denial. Not for reports
	 * that came in a batch: its caller, a reporter token's holder, got every tracking
	 * code, status secret and arrival denial in the response to the call, and a batch of
	 * 1,000 would otherwise be 1,000 emails to one mailbox (docs/adr/0006). Decisions
	 * people make later (a case denied after review) still reach every reporter.
	 */
	static boolean emailedOnArrival(ReportFiled filed) {
		return !filed.inBatch() && !filed.fromMail();
	}

	/**
	 * One receipt for all the reports an abuse message became, with each report's
	 * tracking code, status link and, where it was denied on arrival, the reason.
	 */
	OutboundMessage mailReceipt(MailReportsFiled filed) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello" + (filed.reporterName() != null ? " " + filed.reporterName() : "") + ",");
		lines.add("");
		int count = filed.reports().size();
		lines.add("We received your message and filed it as " + count + ((count == 1) ? " report" : " reports")
				+ ". Each has its own tracking code and status page; keep these links to yourself: anyone who has "
				+ "one can see the status of that report.");
		for (MailReportsFiled.Filed report : filed.reports()) {
			lines.add("");
			String about = String.join(", ", report.targets().subList(0, Math.min(3, report.targets().size())))
					+ ((report.targets().size() > 3) ? " and " + (report.targets().size() - 3) + " more" : "");
			lines.add("- " + report.receipt().trackingCode() + " (" + report.type() + "): " + about);
			if ("denied".equals(report.receipt().status())) {
				String reason = DenialReason.fromWire(report.receipt().denialReason())
					.map(DenialReason::explanation)
					.orElse(report.receipt().denialReason());
				lines.add("  Not taken up: " + reason + " To appeal, reply to this message with the word \"appeal\""
						+ " and why.");
			}
			lines.add("  " + this.publicBaseUrl + "/api/v1/reports/status/" + report.receipt().trackingCode()
					+ "?secret=" + report.receipt().statusSecret());
		}
		String email = filed.recipient();
		return new OutboundMessage(filed.stream() + ":notify_reporter:receipt:" + email.toLowerCase(Locale.ROOT),
				"notify_reporter", filed.reports().get(0).reportId(), 0, email,
				"We received your message: " + count + ((count == 1) ? " report" : " reports"),
				String.join("\n", lines) + "\n");
	}

	Optional<OutboundMessage> receipt(Report report, String statusSecret) {
		return recipient(report).map((email) -> {
			List<String> lines = new ArrayList<>();
			lines.add("Hello" + (report.reporter().name() != null ? " " + report.reporter().name() : "") + ",");
			lines.add("");
			lines.add("We received your " + report.type().wire() + " report about " + report.resolution().target()
					+ " on " + report.receivedAt() + ". Its tracking code is " + report.trackingCode() + ".");
			lines.add("");
			lines.add("You can see its status, and the messages we send you about it, at:");
			lines.add(
					this.publicBaseUrl + "/api/v1/reports/status/" + report.trackingCode() + "?secret=" + statusSecret);
			lines.add("Keep this link to yourself: anyone who has it can see the status of your report.");
			return new OutboundMessage(key(report, "receipt", email), "notify_reporter", report.id(), 0, email,
					"We received your report " + report.trackingCode(), String.join("\n", lines) + "\n");
		});
	}

	Optional<OutboundMessage> denial(Report report) {
		return denial(report, "This decision was made automatically on arrival.", null);
	}

	/**
	 * @param reviewed whether a person decided (after review), or the desk on arrival
	 */
	Optional<OutboundMessage> denial(Report report, boolean reviewed) {
		return denial(report, reviewed ? "A person reviewed your report and made this decision."
				: "This decision was made automatically on arrival.", null);
	}

	/**
	 * The decision on a report the policy denied when it was routed.
	 * @param explanation the deciding plan's explanation, or {@code null}
	 */
	Optional<OutboundMessage> policyDenial(Report report, String explanation) {
		return denial(report, "This decision was made automatically, by our published policy.", explanation);
	}

	private Optional<OutboundMessage> denial(Report report, String how, String explanation) {
		if (report.status() != ReportStatus.DENIED) {
			return Optional.empty();
		}
		DenialReason reason = DenialReason.fromWire(report.denialReason()).orElseThrow();
		return recipient(report).map((email) -> {
			List<String> lines = new ArrayList<>();
			lines.add("Hello" + (report.reporter().name() != null ? " " + report.reporter().name() : "") + ",");
			lines.add("");
			lines.add("We decided on your report " + report.trackingCode() + " about " + report.resolution().target()
					+ ": we will not act on it.");
			lines.add("Reason (" + reason.wire() + "): " + reason.explanation());
			if (explanation != null && !explanation.isBlank()) {
				lines.add(explanation.strip());
			}
			String where = whereToTurn(reason);
			if (where != null) {
				lines.add("");
				lines.add("What you can do: " + where);
			}
			lines.add("");
			lines.add(how + " If you think it is wrong, you can appeal within six months: reply to this message "
					+ "with the word \"appeal\" and why (keep " + report.trackingCode() + " in the subject), and a "
					+ "person who took no part in the decision will review it. You may also turn to a certified "
					+ "out-of-court dispute settlement body or to the courts.");
			return new OutboundMessage(key(report, "decision", email), "notify_reporter", report.id(), 0, email,
					"Decision on your report " + report.trackingCode(), String.join("\n", lines) + "\n");
		});
	}

	/** Where a reporter can take a matter we do not decide, or {@code null}. */
	private static String whereToTurn(DenialReason reason) {
		return switch (reason) {
			case DOMAIN_DISPUTE_PROCESS_REQUIRED -> "file a complaint under the Uniform Domain-Name "
					+ "Dispute-Resolution Policy (UDRP) with an approved dispute resolution provider, such as the "
					+ "WIPO Arbitration and Mediation Center, or under the dispute policy of the domain's top-level "
					+ "domain. As the registrar, we implement the provider's decision.";
			case WRONG_REPORT_CATEGORY ->
				"send the report to whom the reason above names, or file it again " + "under the category that fits.";
			case LAW_ENFORCEMENT_REFERRAL_REQUIRED ->
				"report the matter to the police or the competent authority; " + "we answer their requests.";
			case NOT_OURS -> "send the report to the provider that hosts the site or address.";
			default -> null;
		};
	}

	private static Optional<String> recipient(Report report) {
		return Optional.ofNullable(report.reporter()).map((reporter) -> reporter.email());
	}

	private static String key(Report report, String what, String email) {
		return "report:" + report.id() + ":notify_reporter:" + what + ":" + email.toLowerCase(Locale.ROOT);
	}

}
