package org.abusedesk.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Composes the digests: for each recipient whose oldest waiting notice is due, one
 * message that lists every waiting report with its tracking code, with their attachments.
 * Claimed with {@code SKIP LOCKED} and queued in the same transaction, so that however
 * many nodes run this, each notice is in exactly one digest.
 */
@Component
class Digests {

	/** Reports in one digest at most; the rest go in the next, at once. */
	static final int MAX_REPORTS = 1000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final DigestStore store;

	private final Outbox outbox;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	Digests(DigestStore store, Outbox outbox, AuditLog audit, TransactionTemplate transaction) {
		this.store = store;
		this.outbox = outbox;
		this.audit = audit;
		this.transaction = transaction;
	}

	/**
	 * Queues the digests that are due.
	 * @return how many digests were queued
	 */
	int queueDue() {
		int queued = 0;
		for (String recipient : this.store.dueRecipients(100)) {
			Integer one = this.transaction.execute((status) -> compose(recipient) ? 1 : 0);
			queued += (one != null) ? one : 0;
		}
		if (queued > 0) {
			this.outbox.queuedElsewhere();
		}
		return queued;
	}

	private boolean compose(String recipient) {
		List<DigestStore.Item> items = this.store.claim(recipient, MAX_REPORTS);
		if (items.isEmpty()) {
			return false;
		}
		String key = "digest:" + recipient.toLowerCase(java.util.Locale.ROOT) + ":" + items.get(0).id();
		List<Attachment> attachments = new ArrayList<>();
		StringBuilder list = new StringBuilder();
		for (DigestStore.Item item : items) {
			list.append('\n').append(item.summary());
			attachments.addAll(Attachment.fromJson(item.attachment()));
		}
		String first = TIME.format(items.get(0).createdAt());
		String last = TIME.format(items.get(items.size() - 1).createdAt());
		String body = "Hello,\n\nThis digest lists the " + items.size() + " abuse report"
				+ ((items.size() == 1) ? "" : "s") + " we received between " + first + " and " + last
				+ " about content or addresses we believe are on your network. Each is listed with its tracking "
				+ "code; please quote the code when you reply about a report."
				+ (attachments.isEmpty() ? ""
						: " Each report is also attached in machine-readable form (" + attachments.size() + " files).")
				+ "\n" + list;
		String subject = "Abuse reports digest: " + items.size() + " report" + ((items.size() == 1) ? "" : "s") + " ("
				+ first + " to " + last + ")";
		this.store.enqueueDigest(key, recipient, subject, body, Attachment.toJson(attachments));
		this.store.markDigested(items.stream().map(DigestStore.Item::id).toList(), key);
		this.audit.appendAll(items.stream()
			.map((item) -> new AuditLog.Append("report:" + item.reportId(), "system", "notification.digested",
					Map.of("kind", item.kind(), "recipient", item.recipient(), "digest", key)))
			.toList());
		return true;
	}

}
