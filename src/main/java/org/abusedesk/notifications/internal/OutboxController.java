package org.abusedesk.notifications.internal;

import java.util.List;

import org.abusedesk.problems.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for admins: what was and will be sent, and whether it went out. */
@RestController
class OutboxController {

	static final int MAX_PAGE = 500;

	/** What a message of the outbox can be (the check of outbox_message.status). */
	static final List<String> STATUSES = List.of("pending", "sending", "sent", "failed");

	record OutboxPage(boolean smtpConfigured, List<Outbox.Row> messages, Long nextAfter) {
	}

	private final Outbox outbox;

	private final OutboxDispatcher dispatcher;

	OutboxController(Outbox outbox, OutboxDispatcher dispatcher) {
		this.outbox = outbox;
		this.dispatcher = dispatcher;
	}

	@GetMapping("/api/v1/outbox")
	OutboxPage list(@RequestParam(required = false) String status,
			@RequestParam(name = "report_id", required = false) Long reportId,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long after) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and " + MAX_PAGE + ".");
		}
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInputException("status", "invalid", "One of: " + String.join(", ", STATUSES) + ".");
		}
		List<Outbox.Row> page = this.outbox.list(status, reportId, limit, after);
		Long next = (page.size() == limit) ? page.get(page.size() - 1).id() : null;
		return new OutboxPage(this.dispatcher.canDeliver(), page, next);
	}

}
