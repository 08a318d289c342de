package org.abusedesk.notifications.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.DeliveryPreferences;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.Reporter;
import org.abusedesk.policy.NotificationKind;

import org.springframework.stereotype.Component;

/**
 * Delivers the host's and the owner's notices as each recipient asked in the catalog: in
 * prose, with an X-ARF attachment or as a feedback report, at once or in a digest. Urgent
 * notices (child abuse, an imminent threat) always go at once. Everything else (the
 * reporter's messages, referrals, recipients without a preference) is queued as before.
 */
@Component
class DeliveryRouting {

	private static final Set<String> ROUTED = Set.of(NotificationKind.FORWARD_TO_HOST.wire(),
			NotificationKind.NOTIFY_OWNER.wire());

	private final DeliveryPreferences preferences;

	private final XarfReports xarf;

	private final DigestStore digests;

	private final Outbox outbox;

	DeliveryRouting(DeliveryPreferences preferences, XarfReports xarf, DigestStore digests, Outbox outbox) {
		this.preferences = preferences;
		this.xarf = xarf;
		this.digests = digests;
		this.outbox = outbox;
	}

	/**
	 * Queues the messages, each as its recipient prefers.
	 * @return the idempotency keys of those queued (in the outbox or for a digest)
	 */
	Set<String> queueAll(List<OutboundMessage> messages, Map<Long, Report> reports) {
		List<String> recipients = messages.stream()
			.filter((message) -> ROUTED.contains(message.kind()))
			.map(OutboundMessage::recipient)
			.toList();
		Map<String, DeliveryPreference> wanted = recipients.isEmpty() ? Map.of() : this.preferences.of(recipients);
		if (wanted.isEmpty()) {
			return this.outbox.enqueueAll(messages);
		}
		List<OutboundMessage> plain = new ArrayList<>();
		List<DigestStore.Item> waiting = new ArrayList<>();
		List<Integer> minutes = new ArrayList<>();
		Set<String> queued = new HashSet<>();
		for (OutboundMessage message : messages) {
			DeliveryPreference preference = ROUTED.contains(message.kind()) ? wanted
				.getOrDefault(message.recipient().toLowerCase(java.util.Locale.ROOT), DeliveryPreference.DEFAULT)
					: DeliveryPreference.DEFAULT;
			Report report = reports.get(message.reportId());
			if (preference.equals(DeliveryPreference.DEFAULT) || report == null) {
				plain.add(message);
				continue;
			}
			List<Attachment> attachments = attachments(report, message, preference.format());
			if (preference.digest() && !urgent(report)) {
				waiting.add(new DigestStore.Item(0, message.idempotencyKey(), message.recipient(), message.kind(),
						message.reportId(), message.caseId(), report.trackingCode(), preference.format(),
						summary(report, choiceFor(report, message)),
						attachments.isEmpty() ? null : Attachment.toJson(attachments), null));
				minutes.add(preference.digestMinutes());
			}
			else if (attachments.isEmpty()) {
				plain.add(message);
			}
			else if (this.outbox.enqueueWithAttachments(message, Attachment.toJson(attachments))) {
				queued.add(message.idempotencyKey());
			}
		}
		queued.addAll(this.outbox.enqueueAll(plain));
		queued.addAll(this.digests.addAll(waiting, minutes));
		return queued;
	}

	/** Child abuse and imminent threats are never held for a digest. */
	static boolean urgent(Report report) {
		return report.type() == ReportType.CHILDREN
				|| (report.type() == ReportType.THREAT && "true".equals(report.detail("imminent")));
	}

	/** What the reporter chose for the recipient of {@code message}. */
	private static NotifyChoice choiceFor(Report report, OutboundMessage message) {
		return message.kind().equals(NotificationKind.FORWARD_TO_HOST.wire()) ? NotificationComposer.hostChoice(report)
				: report.notifyOwner();
	}

	private List<Attachment> attachments(Report report, OutboundMessage message, DeliveryPreference.Format format) {
		NotifyChoice choice = choiceFor(report, message);
		return switch (format) {
			case PROSE -> List.of();
			case PROSE_XARF -> this.xarf.of(report, choice)
				.map((json) -> List
					.of(new Attachment("xarf-" + report.trackingCode() + ".json", "application/json", json)))
				.orElse(List.of());
			case ARF -> List.of(new Attachment("feedback-" + report.trackingCode() + ".txt",
					FeedbackReports.CONTENT_TYPE, FeedbackReports.of(report)));
		};
	}

	/**
	 * The lines a digest gives a report: its code, type, targets and why, and who
	 * reported it where the reporter chose {@code send} for this recipient (as the
	 * message on its own would say).
	 */
	static String summary(Report report, NotifyChoice choice) {
		StringBuilder summary = new StringBuilder();
		summary.append(report.trackingCode())
			.append(" (")
			.append(report.type().wire())
			.append(") about ")
			.append(report.resolution().target())
			.append('\n');
		report.urls().forEach((url) -> summary.append("  ").append(url).append('\n'));
		report.addresses().forEach((address) -> summary.append("  ").append(address).append('\n'));
		String why = report.justification().strip().replaceAll("\\s+", " ");
		summary.append("  Why: ").append((why.length() > 300) ? why.substring(0, 300) + "..." : why).append('\n');
		Reporter reporter = report.reporter();
		if (choice == NotifyChoice.SEND && reporter != null && reporter.email() != null) {
			summary.append("  Reported by: ")
				.append((reporter.name() != null) ? reporter.name() + " " : "")
				.append('<')
				.append(reporter.email())
				.append('>')
				.append((reporter.organisation() != null) ? ", " + reporter.organisation() : "")
				.append('\n');
		}
		return summary.toString();
	}

}
