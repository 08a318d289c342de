package org.abusedesk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * A provider's storage API on 127.0.0.1 for the tests (issue 16): answers what a test put
 * at a path (404 otherwise), and records every request it saw, raw, so that a test can
 * assert that nothing outside the allowed paths was ever asked for.
 */
public final class ContentSource extends RecordingServer<String> {

	/**
	 * What to answer at a path: {@code body} {@code repeat} times, with its length
	 * declared unless {@code chunked}; one that stalls sends its first part and waits for
	 * {@link #release()}.
	 */
	public record Answer(int status, Map<String, String> headers, byte[] body, int repeat, boolean chunked,
			boolean stall) {
	}

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final CountDownLatch released = new CountDownLatch(1);

	private ContentSource() {
		// many at once: an answer that stalls holds its thread
		super("/", Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "content-source");
			thread.setDaemon(true);
			return thread;
		}));
	}

	public static ContentSource start() {
		return new ContentSource();
	}

	/** Answers 200 with {@code body} of {@code type} at the raw path (and query). */
	public ContentSource serve(String rawPathAndQuery, String type, byte[] body) {
		return answer(rawPathAndQuery, new Answer(200, Map.of("Content-Type", type), body, 1, false, false));
	}

	public ContentSource serve(String rawPathAndQuery, String type, String body) {
		return serve(rawPathAndQuery, type, body.getBytes(StandardCharsets.UTF_8));
	}

	public ContentSource answer(String rawPathAndQuery, Answer answer) {
		this.answers.put(rawPathAndQuery, answer);
		return this;
	}

	/** Every request seen, as its raw path and query, in order. */
	public List<String> requests() {
		return recorded();
	}

	/** The requests seen whose raw path starts with {@code prefix}. */
	public List<String> requestsUnder(String prefix) {
		return recorded().stream().filter((request) -> request.startsWith(prefix)).toList();
	}

	/** Lets go of the answers that stall. */
	public void release() {
		this.released.countDown();
	}

	@Override
	public void close() {
		release();
		super.close();
	}

	@Override
	protected void handle(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
				? "?" + exchange.getRequestURI().getRawQuery() : "");
		record(raw);
		Answer answer = this.answers.get(raw);
		try {
			if (answer == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			long length = (long) answer.body().length * answer.repeat();
			exchange.sendResponseHeaders(answer.status(),
					(answer.stall() || answer.chunked()) ? 0 : ((length == 0) ? -1 : length));
			OutputStream out = exchange.getResponseBody();
			if (answer.stall()) {
				out.write(answer.body());
				out.flush();
				this.released.await(1, TimeUnit.MINUTES);
				return;
			}
			for (int i = 0; i < answer.repeat(); i++) {
				out.write(answer.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the client went away (a refused snapshot)
		}
	}

}
