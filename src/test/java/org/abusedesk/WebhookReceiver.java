package org.abusedesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * A webhook endpoint on 127.0.0.1 for the tests: records every delivery and can answer
 * 500 to the first attempts of chosen deliveries.
 */
public final class WebhookReceiver extends RecordingServer<WebhookReceiver.Delivery> {

	/** The signing secret the test application is configured with. */
	public static final String SECRET = "test-webhook-secret-0123456789";

	/** One received POST. */
	public record Delivery(String idempotencyKey, String timestamp, String signature, String event, String body,
			int answeredWith) {
	}

	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	private WebhookReceiver() {
		super("/hooks");
	}

	public static WebhookReceiver start() {
		return new WebhookReceiver();
	}

	/** Answers 500 to the next {@code times} deliveries whose body contains the text. */
	public void failNext(String bodyContains, int times) {
		this.failures.put(bodyContains, new AtomicInteger(times));
	}

	/** The deliveries whose body contains the text, in the order they arrived. */
	public List<Delivery> received(String bodyContains) {
		return recorded().stream().filter((delivery) -> delivery.body().contains(bodyContains)).toList();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		String body = body(exchange, StandardCharsets.UTF_8);
		int status = shouldFail(body) ? 500 : 204;
		Headers headers = exchange.getRequestHeaders();
		record(new Delivery(headers.getFirst("Idempotency-Key"), headers.getFirst("X-Abusedesk-Timestamp"),
				headers.getFirst("X-Abusedesk-Signature"), headers.getFirst("X-Abusedesk-Event"), body, status));
		exchange.sendResponseHeaders(status, -1);
	}

	private boolean shouldFail(String body) {
		for (Map.Entry<String, AtomicInteger> failure : this.failures.entrySet()) {
			if (body.contains(failure.getKey()) && failure.getValue().getAndDecrement() > 0) {
				return true;
			}
		}
		return false;
	}

}
