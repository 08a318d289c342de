package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.intake.Report;

import org.springframework.stereotype.Component;

/**
 * What the parties of an appeal are told when it is decided: the outcome, the reason, and
 * the next step if they disagree (DSA Art. 20(5) and 21: a certified out-of-court dispute
 * settlement body, and the courts). The customer's message does not name the reporter,
 * the reporter's does not quote the customer's statement.
 */
@Component
class AppealNotices {

	private final String redress;

	AppealNotices(AppealProperties properties) {
		this.redress = properties.appeals().redress();
	}

	/** The outcome for the customer whose mitigation was appealed. */
	Outbound.Message toCustomer(Appeal appeal, String recipient, String target) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello,");
		lines.add("");
		lines.add("We decided your appeal " + appeal.id() + " of mitigation " + appeal.mitigationId() + " (" + target
				+ "): " + outcomeWords(appeal) + ".");
		lines.add("");
		lines.add("Reason: " + appeal.outcomeReason());
		lines.add("");
		lines.add("The appeal was decided by a person who took no part in the original decision.");
		lines.add(this.redress);
		return new Outbound.Message("appeal:" + appeal.id() + ":outcome:customer", "notify_owner", 0,
				(appeal.caseId() != null) ? appeal.caseId() : 0, recipient,
				"Your appeal " + appeal.id() + ": " + appeal.outcome(), String.join("\n", lines) + "\n");
	}

	/**
	 * The outcome for a reporter of the case: for their own appeal, or for a customer's
	 * appeal of a mitigation their report led to.
	 */
	Optional<Outbound.Message> toReporter(Appeal appeal, Report report) {
		String email = report.reporter().email();
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		boolean own = "reporter".equals(appeal.party());
		List<String> lines = new ArrayList<>();
		lines.add("Hello" + (report.reporter().name() != null ? " " + report.reporter().name() : "") + ",");
		lines.add("");
		if (own) {
			lines.add("We decided your appeal of the decision on your report " + report.trackingCode() + ": "
					+ outcomeWords(appeal) + ".");
		}
		else {
			lines.add("The customer appealed a measure we took after your report " + report.trackingCode()
					+ ". We decided the appeal: " + outcomeWords(appeal) + ".");
		}
		lines.add("");
		lines.add("Reason: " + appeal.outcomeReason());
		lines.add("");
		lines.add("The appeal was decided by a person who took no part in the original decision.");
		lines.add(this.redress);
		return Optional.of(new Outbound.Message(
				"appeal:" + appeal.id() + ":outcome:reporter:" + report.id() + ":" + email.toLowerCase(Locale.ROOT),
				"notify_reporter", report.id(), (appeal.caseId() != null) ? appeal.caseId() : 0, email,
				"Appeal decided for your report " + report.trackingCode() + ": " + appeal.outcome(),
				String.join("\n", lines) + "\n"));
	}

	private static String outcomeWords(Appeal appeal) {
		boolean customer = "customer".equals(appeal.party());
		return switch (appeal.outcome()) {
			case "reversed" -> customer ? "reversed; the measure is lifted" : "reversed; your report is reviewed again";
			case "modified" -> customer ? "modified; we are changing the measure" : "modified; we review it again";
			default -> customer ? "upheld; the measure stays in force" : "upheld; the decision stands";
		};
	}

}
