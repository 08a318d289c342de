/**
 * Notifications: who hears what about a decision (the notification plan, the words of
 * each message per service), the outbox that delivers them at least once and once only
 * per idempotency key, its connectors (SMTP, signed webhooks), delivery preferences and
 * digests with X-ARF attachments, staff correspondence and the threading of replies.
 * Other modules queue their own messages through
 * {@link org.abusedesk.notifications.Outbound}.
 */
package org.abusedesk.notifications;
