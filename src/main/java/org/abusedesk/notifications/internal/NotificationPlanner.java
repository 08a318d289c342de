package org.abusedesk.notifications.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseDenied;
import org.abusedesk.cases.CaseForwarded;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.cases.ReportsDecided;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.MailReportsFiled;
import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.NotificationKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the messages a decision calls for. Listens synchronously, so the rows commit in
 * the same transaction as the decision (or not at all).
 */
@Component
class NotificationPlanner {

	private final Reports reports;

	private final NotificationComposer composer;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ReporterNotices reporterNotices;

	private final DeliveryRouting delivery;

	NotificationPlanner(Reports reports, NotificationComposer composer, Outbox outbox, AuditLog audit,
			ReporterNotices reporterNotices, DeliveryRouting delivery) {
		this.delivery = delivery;
		this.reports = reports;
		this.composer = composer;
		this.outbox = outbox;
		this.audit = audit;
		this.reporterNotices = reporterNotices;
	}

	@EventListener
	void on(ReportFiled filed) {
		if (!ReporterNotices.emailedOnArrival(filed)) {
			return;
		}
		Report report = filed.report();
		List<OutboundMessage> messages = new ArrayList<>(2);
		this.reporterNotices.receipt(report, filed.statusSecret()).ifPresent(messages::add);
		this.reporterNotices.denial(report).ifPresent(messages::add);
		queueAll(messages, Map.of(report.id(), report));
	}

	/** The sender of an abuse message gets one receipt for all the reports it became. */
	@EventListener
	void on(MailReportsFiled filed) {
		OutboundMessage receipt = this.reporterNotices.mailReceipt(filed);
		Set<String> queued = this.outbox.enqueueAll(List.of(receipt));
		if (queued.contains(receipt.idempotencyKey())) {
			this.audit.appendAll(List
				.of(new AuditLog.Append(filed.stream(), "system", "notification.queued", queuedFacts(receipt))));
		}
	}

	/**
	 * Reporters hear the outcome when staff deny a case after review (DSA Art. 16(5)).
	 * The reports are read, and their messages queued and audited, in one statement each
	 * however many the case holds (a flood against one site makes cases of thousands).
	 */
	@EventListener
	void on(CaseDenied denied) {
		List<OutboundMessage> messages = new ArrayList<>();
		Map<Long, Report> reports = byId(this.reports.findAll(denied.reportIds()));
		for (Report report : reports.values()) {
			this.reporterNotices.denial(report, true).ifPresent(messages::add);
		}
		queueAll(messages, reports);
	}

	/**
	 * Staff forwarded a case: each report goes to the host (where known) and the owner,
	 * as its reporter chose. A report forwarded before is not sent again (same
	 * idempotency key). In one statement each, as for a denial.
	 */
	@EventListener
	void on(CaseForwarded forwarded) {
		List<OutboundMessage> messages = new ArrayList<>();
		Map<Long, Report> reports = byId(this.reports.findAll(forwarded.reportIds()));
		for (Report report : reports.values()) {
			messages.addAll(
					this.composer.composeAll(List.of(NotificationKind.FORWARD_TO_HOST, NotificationKind.NOTIFY_OWNER),
							report, forwarded.caseId()));
		}
		queueAll(messages, reports);
	}

	@EventListener
	void on(ReportDecided decided) {
		Report report = decided.report();
		List<OutboundMessage> messages = this.composer.composeAll(decided.notifications(), report, decided.caseId());
		queueAll(messages, Map.of(report.id(), report));
	}

	/**
	 * The messages of reports routed together, queued and audited in one statement each.
	 * For a report the policy denied only the decision to its reporter (DSA Art. 16(5)).
	 */
	@EventListener
	void on(ReportsDecided batch) {
		List<OutboundMessage> messages = new ArrayList<>();
		Map<Long, Report> reports = new HashMap<>();
		for (ReportDecided decided : batch.decided()) {
			reports.put(decided.reportId(), decided.report());
			messages.addAll(this.composer.composeAll(decided.notifications(), decided.report(), decided.caseId()));
		}
		// a report the policy denied: the reporter hears why and where to turn, and
		// nobody else hears of it
		for (ReportsDecided.DeniedReport denied : batch.denied()) {
			reports.put(denied.report().id(), denied.report());
			this.reporterNotices.policyDenial(denied.report(), denied.explanation()).ifPresent(messages::add);
		}
		queueAll(messages, reports);
	}

	/**
	 * Queues messages in one statement (each as its recipient prefers:
	 * {@link DeliveryRouting}) and audits those queued in one more.
	 */
	private void queueAll(List<OutboundMessage> messages, Map<Long, Report> reports) {
		Set<String> queued = this.delivery.queueAll(messages, reports);
		this.audit.appendAll(messages.stream()
			.filter((message) -> queued.contains(message.idempotencyKey()))
			.map((message) -> new AuditLog.Append(reports.get(message.reportId()).stream(), "system",
					"notification.queued", queuedFacts(message)))
			.toList());
	}

	/** The reports by id, in the order read (by id). */
	private static Map<Long, Report> byId(List<Report> reports) {
		Map<Long, Report> byId = new LinkedHashMap<>();
		reports.forEach((report) -> byId.put(report.id(), report));
		return byId;
	}

	private static Map<String, Object> queuedFacts(OutboundMessage message) {
		return Map.of("kind", message.kind(), "recipient", message.recipient(), "idempotency_key",
				message.idempotencyKey());
	}

}
