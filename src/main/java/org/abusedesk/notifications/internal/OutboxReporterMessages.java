package org.abusedesk.notifications.internal;

import java.util.List;

import org.abusedesk.intake.ReporterMessages;

import org.springframework.stereotype.Component;

@Component
class OutboxReporterMessages implements ReporterMessages {

	private final Outbox outbox;

	OutboxReporterMessages(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public List<Message> of(long reportId) {
		return this.outbox.toReporter(reportId)
			.stream()
			.map((row) -> new Message(row.subject(), redact(row.body()), row.status(), row.createdAt(), row.sentAt()))
			.toList();
	}

	/** The status page is reached with the secret already; it does not show it again. */
	private static String redact(String body) {
		return body.replaceAll("secret=[A-Za-z0-9_-]+", "secret=[redacted]");
	}

}
