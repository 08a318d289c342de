package org.abusedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on 127.0.0.1 for the tests: records every delivery and can answer
 * 500 to the first attempts of chosen deliveries.
 */
public final class WebhookReceiver {

	/** The signing secret the test application is configured with. */
	public static final String SECRET = "test-webhook-secret-0123456789";

	/** One received POST. */
	public record Delivery(String idempotencyKey, String timestamp, String signature, String event, String body,
			int answeredWith) {
	}

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/hooks", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
				int status = receiver.shouldFail(body) ? 500 : 204;
				receiver.deliveries
					.add(new Delivery(key, exchange.getRequestHeaders().getFirst("X-Abusedesk-Timestamp"),
							exchange.getRequestHeaders().getFirst("X-Abusedesk-Signature"),
							exchange.getRequestHeaders().getFirst("X-Abusedesk-Event"), body, status));
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	/** Answers 500 to the next {@code times} deliveries whose body contains the text. */
	public void failNext(String bodyContains, int times) {
		this.failures.put(bodyContains, new AtomicInteger(times));
	}

	/** The deliveries whose body contains the text, in the order they arrived. */
	public List<Delivery> received(String bodyContains) {
		return this.deliveries.stream().filter((delivery) -> delivery.body().contains(bodyContains)).toList();
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
