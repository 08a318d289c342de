package org.abusedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 for the tests, standing in for a service the desk calls: it
 * answers under one path as its subclass says, and records what it was sent (one
 * {@code R} a request) for the tests to assert on.
 *
 * @param <R> what it records of a request
 */
public abstract class RecordingServer<R> implements AutoCloseable {

	private final HttpServer server;

	private final String path;

	private final List<R> recorded = new CopyOnWriteArrayList<>();

	/** Answers under {@code path}, one request at a time. */
	protected RecordingServer(String path) {
		this(path, null);
	}

	/**
	 * Answers under {@code path} on the executor's threads ({@code null}: one request at
	 * a time).
	 */
	protected RecordingServer(String path, Executor executor) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.path = path;
		// a request comes only once url() is handed out, when the subclass is built
		this.server.createContext(path, (exchange) -> {
			try (exchange) {
				handle(exchange);
			}
		});
		this.server.setExecutor(executor);
		this.server.start();
	}

	/** Answers one request; the exchange is closed after. */
	protected abstract void handle(HttpExchange exchange) throws IOException;

	/** {@code http://127.0.0.1:PORT} and the path, without a trailing slash. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + this.path.replaceFirst("/$", "");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	protected void record(R request) {
		this.recorded.add(request);
	}

	/** What it recorded so far, in the order the requests came. */
	protected List<R> recorded() {
		return List.copyOf(this.recorded);
	}

	protected static String body(HttpExchange exchange, Charset charset) throws IOException {
		return new String(exchange.getRequestBody().readAllBytes(), charset);
	}

	/** Answers {@code status} with {@code body} of the content {@code type}. */
	protected static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
