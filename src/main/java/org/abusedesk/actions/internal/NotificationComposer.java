package org.abusedesk.actions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reporter;
import org.abusedesk.policy.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * Writes the messages a decision calls for. The reporter's identity goes only to a
 * recipient for whom the reporter chose {@code send}; with {@code send-anon} nothing that
 * identifies them is included (not even their free-text comments), and {@code none} sends
 * nothing. The reporter learns who hosts the content, never the origin address.
 */
@Component
class NotificationComposer {

	Optional<OutboundMessage> compose(NotificationKind kind, Report report, long caseId) {
		Resolution resolution = report.resolution();
		return switch (kind) {
			case FORWARD_TO_HOST -> Optional.ofNullable(resolution.origin())
				.filter((origin) -> origin.hostAbuseContact() != null)
				.map((origin) -> message(kind, report, caseId, origin.hostAbuseContact(), forwardSubject(report),
						hostBody(report, origin)));
			case NOTIFY_OWNER ->
				(report.notifyOwner() == NotifyChoice.NONE) ? Optional.empty() : Optional.of(message(kind, report,
						caseId, resolution.account().abuseContact(), forwardSubject(report), ownerBody(report)));
			case NOTIFY_REPORTER -> Optional.ofNullable(report.reporter().email())
				.map((email) -> message(kind, report, caseId, email,
						"Your report " + report.trackingCode() + " about " + resolution.target(),
						reporterBody(report)));
			// referrals are built by the policy and case-work issues
			case NCMEC_REFERRAL, LAW_ENFORCEMENT_REFERRAL -> Optional.empty();
		};
	}

	private static OutboundMessage message(NotificationKind kind, Report report, long caseId, String recipient,
			String subject, String body) {
		String key = "report:" + report.id() + ":" + kind.wire() + ":" + recipient.toLowerCase(java.util.Locale.ROOT);
		return new OutboundMessage(key, kind.wire(), report.id(), caseId, recipient, subject, body);
	}

	private static String forwardSubject(Report report) {
		return "Abuse report " + report.trackingCode() + " (" + report.type().wire() + ") about "
				+ report.resolution().target();
	}

	private static String hostBody(Report report, Origin origin) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + (origin.hostName() != null ? origin.hostName() : "abuse team") + ",");
		lines.add("");
		lines.add("We provide a pass-through security and performance service (proxy/CDN) for "
				+ report.resolution().target() + ". We do not host its content: it is served from the origin "
				+ "address " + origin.address() + ", which we believe is on your network. We received the "
				+ "following report about it and forward it to you as the hosting provider.");
		appendReport(lines, report, report.notifyHost());
		return String.join("\n", lines) + "\n";
	}

	private static String ownerBody(Report report) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + report.resolution().account().name() + ",");
		lines.add("");
		lines.add("We received the following report about " + report.resolution().target()
				+ ", which uses our service. We have taken no action against your site; please review the "
				+ "report. It was also forwarded to your hosting provider.");
		appendReport(lines, report, report.notifyOwner());
		return String.join("\n", lines) + "\n";
	}

	private static void appendReport(List<String> lines, Report report, NotifyChoice choice) {
		lines.add("");
		lines.add("Report: " + report.trackingCode());
		lines.add("Type: " + report.type().wire());
		if (report.detail("targeted_brand") != null) {
			lines.add("Targeted brand: " + report.detail("targeted_brand"));
		}
		if (!report.urls().isEmpty()) {
			lines.add("Reported URLs:");
			report.urls().forEach((url) -> lines.add("  " + url));
		}
		if (!report.addresses().isEmpty()) {
			lines.add("Reported IP addresses:");
			report.addresses().forEach((address) -> lines.add("  " + address));
		}
		lines.add("");
		lines.add("Justification:");
		lines.add(report.justification());
		lines.add("");
		if (choice == NotifyChoice.SEND) {
			Reporter reporter = report.reporter();
			lines.add("Reported by: " + reporter.name() + " <" + reporter.email() + ">"
					+ (reporter.organisation() != null ? ", " + reporter.organisation() : ""));
			if (report.comments() != null) {
				lines.add("Reporter's comments:");
				lines.add(report.comments());
			}
		}
		else {
			lines.add("The reporter asked us not to share their identity or contact details with you.");
		}
	}

	private static String reporterBody(Report report) {
		Resolution resolution = report.resolution();
		Origin origin = resolution.origin();
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + report.reporter().name() + ",");
		lines.add("");
		lines.add("Thank you for your report " + report.trackingCode() + " about " + resolution.target() + ".");
		lines.add("");
		lines.add("We provide a pass-through security and performance service for this site. We do not host "
				+ "its content and cannot remove it.");
		if (origin != null && origin.hostAbuseContact() != null) {
			lines.add("The content is hosted by " + (origin.hostName() != null ? origin.hostName() : "another provider")
					+ " (abuse contact: " + origin.hostAbuseContact() + "). We forwarded your report to them"
					+ (report.notifyHost() == NotifyChoice.SEND ? " with your contact details"
							: " without your contact details")
					+ ".");
		}
		lines.add(switch (report.notifyOwner()) {
			case SEND -> "We also forwarded it to the site's owner with your contact details.";
			case SEND_ANON -> "We also forwarded it to the site's owner without your contact details.";
			case NONE -> "As you asked, we did not tell the site's owner.";
		});
		lines.add("");
		lines.add("If you disagree with how we handled your report, reply to this message quoting "
				+ report.trackingCode() + " within six months and a person will review it. You may also turn to a "
				+ "certified out-of-court dispute settlement body or to the courts.");
		return String.join("\n", lines) + "\n";
	}

}
