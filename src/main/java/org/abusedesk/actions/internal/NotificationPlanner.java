package org.abusedesk.actions.internal;

import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.intake.Report;
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

	NotificationPlanner(Reports reports, NotificationComposer composer, Outbox outbox, AuditLog audit) {
		this.reports = reports;
		this.composer = composer;
		this.outbox = outbox;
		this.audit = audit;
	}

	@EventListener
	void on(ReportDecided decided) {
		Report report = this.reports.find(decided.reportId()).orElseThrow();
		for (NotificationKind kind : decided.notifications()) {
			this.composer.compose(kind, report, decided.caseId()).ifPresent((message) -> {
				if (this.outbox.enqueue(message)) {
					this.audit.append(report.stream(), "system", "notification.queued", Map.of("kind", message.kind(),
							"recipient", message.recipient(), "idempotency_key", message.idempotencyKey()));
				}
			});
		}
	}

}
