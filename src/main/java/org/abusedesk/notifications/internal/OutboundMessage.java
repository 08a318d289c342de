package org.abusedesk.notifications.internal;

/** A message to queue: who gets what, and the key that makes it happen once. */
record OutboundMessage(String idempotencyKey, String kind, Long reportId, long caseId, String recipient, String subject,
		String body) {

}
