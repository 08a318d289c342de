package org.abusedesk.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued webhooks, at least once, each recorded as delivered in its own short
 * transaction as soon as the receiver answered (a crash re-sends at most the webhook in
 * flight, with the same {@code Idempotency-Key}): a POST of the JSON body with
 * {@code X-Abusedesk-Timestamp}, {@code X-Abusedesk-Signature} and
 * {@code Idempotency-Key}. Anything but a 2xx answer is retried with backoff, like email.
 * Redirects are not followed, so a configured endpoint cannot send us elsewhere.
 */
@Component
class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final Outbox outbox;

	private final WebhookProperties properties;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Duration lease;

	private final OutboxNode node;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookDelivery(Outbox outbox, WebhookProperties properties, AuditLog audit, TransactionTemplate transaction,
			NotificationProperties settings, OutboxNode node) {
		this.node = node;
		this.outbox = outbox;
		this.properties = properties;
		this.audit = audit;
		this.transaction = transaction;
		this.lease = settings.outbox().lease();
	}

	/**
	 * Delivers due webhooks until none is left.
	 * @return how many were delivered
	 */
	int dispatchDue() {
		if (!this.node.beginDelivery()) {
			return 0;
		}
		try {
			int delivered = 0;
			while (true) {
				long tenure = this.node.tenure();
				if (tenure < 0) {
					return delivered;
				}
				List<Outbox.Row> batch = this.transaction
					.execute((status) -> this.outbox.claim("webhook", OutboxDispatcher.BATCH, this.lease));
				if (batch == null || batch.isEmpty()) {
					return delivered;
				}
				for (Outbox.Row row : batch) {
					if (!this.node.holds(tenure)) {
						// another node may be taking the rest over
						return delivered;
					}
					if (deliver(row)) {
						delivered++;
					}
				}
			}
		}
		finally {
			this.node.endDelivery();
		}
	}

	private boolean deliver(Outbox.Row row) {
		Optional<WebhookProperties.Endpoint> endpoint = this.properties.endpoint(row.recipient());
		String error;
		if (endpoint.isEmpty()) {
			error = "endpoint no longer configured";
		}
		else if (!this.properties.reachable(endpoint.get())) {
			error = "endpoint does not resolve, or resolves to a non-public address";
		}
		else {
			error = post(endpoint.get(), row);
		}
		if (error == null) {
			return Boolean.TRUE.equals(this.transaction.execute((status) -> {
				boolean recorded = this.outbox.markSent(row.id());
				if (recorded) {
					this.audit.append("outbox", "system", "webhook.delivered", Map.of("event", row.subject(), "url",
							row.recipient(), "idempotency_key", row.idempotencyKey()));
				}
				return recorded;
			}));
		}
		boolean giveUp = endpoint.isEmpty() || row.attempts() >= OutboxDispatcher.MAX_ATTEMPTS;
		log.warn("Webhook {} to {} failed (attempt {}): {}", row.id(), row.recipient(), row.attempts(), error);
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.markFailed(row.id(), error, OutboxDispatcher.backoff(row.attempts()), giveUp);
			if (giveUp) {
				this.audit.append("outbox", "system", "webhook.failed",
						Map.of("idempotency_key", row.idempotencyKey(), "attempts", row.attempts()));
			}
		});
		return false;
	}

	/** Posts the webhook; the error, or {@code null} when the receiver took it. */
	private String post(WebhookProperties.Endpoint endpoint, Outbox.Row row) {
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Abusedesk-Event", row.subject())
			.header("X-Abusedesk-Timestamp", Long.toString(timestamp))
			.header("X-Abusedesk-Signature", WebhookSignature.sign(endpoint.secret(), timestamp, row.body()))
			.header("Idempotency-Key", row.idempotencyKey())
			.POST(HttpRequest.BodyPublishers.ofString(row.body()))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() / 100 == 2) ? null : "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			return String.valueOf(ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
