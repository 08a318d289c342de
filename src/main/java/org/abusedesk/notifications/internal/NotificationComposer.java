package org.abusedesk.notifications.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.catalog.Origin;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
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
 * <p>
 * Each message speaks for the services the reported property actually uses (a registrar
 * never calls itself a proxy), and says that the report was forwarded to the host or the
 * owner only when that message is queued with it ({@link #composeAll}).
 */
@Component
class NotificationComposer {

	/**
	 * The messages of one report for the notifications a plan calls for: the host's and
	 * the owner's first, then the reporter's, which tells what the other two did.
	 * @param kinds the notifications the plan calls for
	 * @return the messages to queue, in that order; a notification that cannot or must
	 * not be sent (no known host, the reporter chose {@code none}, no reporter email) has
	 * none
	 */
	List<OutboundMessage> composeAll(Collection<NotificationKind> kinds, Report report, long caseId) {
		Set<NotificationKind> wanted = kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
		Optional<OutboundMessage> host = wanted.contains(NotificationKind.FORWARD_TO_HOST) ? host(report, caseId)
				: Optional.empty();
		Optional<OutboundMessage> owner = wanted.contains(NotificationKind.NOTIFY_OWNER)
				? owner(report, caseId, host.isPresent()) : Optional.empty();
		Optional<OutboundMessage> reporter = wanted.contains(NotificationKind.NOTIFY_REPORTER)
				? reporter(report, caseId, host.isPresent(), owner.isPresent()) : Optional.empty();
		// ncmec_referral and law_enforcement_referral are not messages to the host, the
		// owner or the reporter: the referrals module writes them (a CyberTipline report
		// on confirmation, a referral to the configured authority), records them on the
		// case and sends them through the outbox or the NCMEC connector
		List<OutboundMessage> messages = new ArrayList<>(3);
		host.ifPresent(messages::add);
		owner.ifPresent(messages::add);
		reporter.ifPresent(messages::add);
		return messages;
	}

	private Optional<OutboundMessage> host(Report report, long caseId) {
		return Optional.ofNullable(report.resolution().origin())
			.filter((origin) -> origin.hostAbuseContact() != null)
			.map((origin) -> message(NotificationKind.FORWARD_TO_HOST, report, caseId, origin.hostAbuseContact(),
					forwardSubject(report), hostBody(report, origin)));
	}

	private Optional<OutboundMessage> owner(Report report, long caseId, boolean forwardedToHost) {
		if (report.notifyOwner() == NotifyChoice.NONE) {
			return Optional.empty();
		}
		return Optional
			.of(message(NotificationKind.NOTIFY_OWNER, report, caseId, report.resolution().account().abuseContact(),
					forwardSubject(report), ownerBody(report, forwardedToHost)));
	}

	private Optional<OutboundMessage> reporter(Report report, long caseId, boolean forwardedToHost,
			boolean ownerNotified) {
		return Optional.ofNullable(report.reporter().email())
			.map((email) -> message(NotificationKind.NOTIFY_REPORTER, report, caseId, email,
					"Your report " + report.trackingCode() + " about " + report.resolution().target(),
					reporterBody(report, forwardedToHost, ownerNotified)));
	}

	private static OutboundMessage message(NotificationKind kind, Report report, long caseId, String recipient,
			String subject, String body) {
		String key = "report:" + report.id() + ":" + kind.wire() + ":" + recipient.toLowerCase(Locale.ROOT);
		return new OutboundMessage(key, kind.wire(), report.id(), caseId, recipient, subject, body);
	}

	private static String forwardSubject(Report report) {
		return "Abuse report " + report.trackingCode() + " (" + report.type().wire() + ") about "
				+ report.resolution().target();
	}

	/** The services the property uses, in a fixed order ({@link Service}). */
	private static List<Service> services(Report report) {
		Set<Service> used = report.resolution().services();
		return (used == null || used.isEmpty()) ? List.of() : List.copyOf(EnumSet.copyOf(used));
	}

	/**
	 * Only a proxied property has an origin, so only its host is forwarded to: the one
	 * message that names the origin address.
	 */
	private static String hostBody(Report report, Origin origin) {
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + (origin.hostName() != null ? origin.hostName() : "abuse team") + ",");
		lines.add("");
		lines.add("We provide a pass-through security and performance service (proxy/CDN) for "
				+ report.resolution().target() + ". We do not host its content: it is served from the origin "
				+ "address " + origin.address() + ", which we believe is on your network. We received the "
				+ "following report about it and forward it to you as the hosting provider.");
		appendReport(lines, report, hostChoice(report));
		return String.join("\n", lines) + "\n";
	}

	/**
	 * What the host's copy may carry of the reporter. Where the catalog names the owner's
	 * own abuse contact as the origin host's (a customer that runs its own origin), the
	 * host's copy lands in the owner's mailbox: it names the reporter only if the
	 * reporter chose {@code send} for the owner too.
	 */
	static NotifyChoice hostChoice(Report report) {
		NotifyChoice choice = report.notifyHost();
		if (choice != NotifyChoice.SEND || report.notifyOwner() == NotifyChoice.SEND) {
			return choice;
		}
		Resolution resolution = report.resolution();
		String host = (resolution.origin() != null) ? resolution.origin().hostAbuseContact() : null;
		String owner = (resolution.account() != null) ? resolution.account().abuseContact() : null;
		return (host != null && owner != null && host.strip().equalsIgnoreCase(owner.strip())) ? NotifyChoice.SEND_ANON
				: choice;
	}

	private static String ownerBody(Report report, boolean forwardedToHost) {
		Resolution resolution = report.resolution();
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + resolution.account().name() + ",");
		lines.add("");
		lines.add("We received the following report about " + resolution.target() + ", " + ownerRoles(report)
				+ ". We have taken no action against your site; please review the report.");
		if (forwardedToHost) {
			Origin origin = resolution.origin();
			lines.add("It was also forwarded to your hosting provider"
					+ ((origin.hostName() != null) ? ", " + origin.hostName() : "") + ".");
		}
		appendReport(lines, report, report.notifyOwner());
		return String.join("\n", lines) + "\n";
	}

	/** What we do for the owner's property, as a clause after its name. */
	private static String ownerRoles(Report report) {
		List<String> roles = services(report).stream().map((service) -> switch (service) {
			case PROXY -> "for which we provide a pass-through security and performance service (proxy/CDN)";
			case HOSTING -> "whose content we host";
			case REGISTRAR -> "whose domain is registered with us as its registrar";
			case DNS -> "for which we answer DNS";
			case RESOLVER -> "which was looked up through our public DNS resolver";
		}).toList();
		return roles.isEmpty() ? "which uses our service" : String.join(", and ", roles);
	}

	/** What we are for the reported site, and so what we can and cannot do. */
	private static String reporterRole(Service service) {
		return switch (service) {
			case PROXY -> "We provide a pass-through security and performance service (proxy/CDN) for this site. "
					+ "We do not host its content and cannot remove it.";
			case HOSTING -> "We host this content. A person reviews your report against our policy and the law.";
			case REGISTRAR -> "We are the registrar of this domain. We do not host its content: that is with the "
					+ "site's hosting provider. Disputes over the domain name itself go through a domain dispute "
					+ "resolution process such as the Uniform Domain-Name Dispute-Resolution Policy (UDRP).";
			case DNS -> "We only answer DNS for this name. We do not host its content and cannot remove it.";
			case RESOLVER -> "We run a public DNS resolver, through which this name can be looked up. We do not "
					+ "host or control the site.";
		};
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

	/**
	 * The reporter's message: what we are for the site, then what was done, each sentence
	 * only for a message actually queued with this one, with the contact details the
	 * reporter chose for that recipient.
	 */
	private static String reporterBody(Report report, boolean forwardedToHost, boolean ownerNotified) {
		Resolution resolution = report.resolution();
		Origin origin = resolution.origin();
		List<String> lines = new ArrayList<>();
		lines.add("Hello " + report.reporter().name() + ",");
		lines.add("");
		lines.add("Thank you for your report " + report.trackingCode() + " about " + resolution.target() + ".");
		lines.add("");
		services(report).forEach((service) -> lines.add(reporterRole(service)));
		if (forwardedToHost) {
			lines.add("The content is hosted by " + (origin.hostName() != null ? origin.hostName() : "another provider")
					+ " (abuse contact: " + origin.hostAbuseContact() + "). We forwarded your report to them"
					+ contactDetails(hostChoice(report)) + ".");
		}
		if (ownerNotified) {
			lines.add("We " + (forwardedToHost ? "also " : "") + "forwarded it to the site's owner"
					+ contactDetails(report.notifyOwner()) + ".");
		}
		else if (report.notifyOwner() == NotifyChoice.NONE) {
			lines.add("As you asked, we did not tell the site's owner.");
		}
		lines.add("");
		lines.add("If you disagree with how we handled your report, reply to this message quoting "
				+ report.trackingCode() + " within six months and a person will review it. You may also turn to a "
				+ "certified out-of-court dispute settlement body or to the courts.");
		return String.join("\n", lines) + "\n";
	}

	private static String contactDetails(NotifyChoice choice) {
		return (choice == NotifyChoice.SEND) ? " with your contact details" : " without your contact details";
	}

}
