package org.abusedesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients posting over real HTTP to 127.0.0.1 for a fixed time: either as fast as each
 * can (closed loop) or at a fixed total rate. Paced latency counts from the moment a
 * request was due, not from when it was sent, so a server that falls behind cannot hide
 * it (no coordinated omission). Each client posts over its own keep-alive
 * {@link HttpConnection}, which costs far less CPU than {@link HttpClient}; the client is
 * kept for the few setup calls of {@link #send}.
 */
final class HttpLoad {

	private static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*(\\d+)");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern CODE = Pattern.compile("\"tracking_code\"\\s*:\\s*\"([A-Z0-9-]+)\"");

	/** What a client sends: the path, the body and the bearer token (or null). */
	record Call(String path, String body, String token) {
	}

	/**
	 * @param accepted reports the server accepted (201, or items stored by a batch)
	 * @param responses calls answered, by status code (0: no answer)
	 * @param latencies of the accepted calls, nanoseconds, sorted
	 */
	record Outcome(long accepted, Map<Integer, Long> responses, long[] latencies, double seconds, long minId,
			long maxId, List<String> trackingCodes) {

		long errors() {
			return this.responses.entrySet()
				.stream()
				.filter((e) -> e.getKey() == 0 || e.getKey() >= 500)
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

		long count(int status) {
			return this.responses.getOrDefault(status, 0L);
		}

		double perSecond() {
			return this.accepted / this.seconds;
		}

		double percentileMillis(double p) {
			if (this.latencies.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.latencies.length - 1, Math.ceil(p * this.latencies.length) - 1);
			return this.latencies[Math.max(index, 0)] / 1e6;
		}

	}

	private final HttpClient client;

	private final int port;

	HttpLoad(int port) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.port = port;
	}

	HttpResponse<String> send(String method, String path, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Every client sends its next call as soon as the previous one is answered. */
	Outcome closedLoop(int clients, Duration duration, LongFunction<Call> calls, boolean keepCodes)
			throws InterruptedException {
		return run(clients, duration, calls, keepCodes, 0);
	}

	/** All clients together send {@code perSecond} calls a second, evenly spread. */
	Outcome paced(int clients, double perSecond, Duration duration, LongFunction<Call> calls, boolean keepCodes)
			throws InterruptedException {
		return run(clients, duration, calls, keepCodes, perSecond);
	}

	private Outcome run(int clients, Duration duration, LongFunction<Call> calls, boolean keepCodes,
			double perSecond) throws InterruptedException {
		AtomicLong sequence = new AtomicLong();
		AtomicLong accepted = new AtomicLong();
		AtomicLong minId = new AtomicLong(Long.MAX_VALUE);
		AtomicLong maxId = new AtomicLong();
		Map<Integer, Long> responses = new TreeMap<>();
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long interval = (perSecond > 0) ? (long) (1e9 * clients / perSecond) : 0;
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			long offset = (perSecond > 0) ? interval * c / clients : 0;
			threads.add(new Thread(() -> {
				HttpConnection connection = new HttpConnection(this.port);
				long[] mine = new long[1024];
				int n = 0;
				Map<Integer, Long> statuses = new TreeMap<>();
				long due = start + offset;
				while (true) {
					long now = System.nanoTime();
					if (perSecond > 0) {
						if (due >= end) {
							break;
						}
						if (due > now) {
							sleepNanos(due - now);
						}
					}
					else if (now >= end) {
						break;
					}
					long began = (perSecond > 0) ? due : System.nanoTime();
					due += interval;
					Call call = calls.apply(sequence.getAndIncrement());
					int status;
					long stored = 0;
					long retryAfter = 0;
					try {
						HttpConnection.Response response = connection.post(call.path(), call.body(), call.token());
						status = response.status();
						retryAfter = response.retryAfter();
						if (status == 201 || status == 200) {
							stored = stored(response.body());
							Matcher id = ID.matcher(response.body());
							if (id.find()) {
								long value = Long.parseLong(id.group(1));
								minId.accumulateAndGet(value, Math::min);
								maxId.accumulateAndGet(value, Math::max);
							}
							if (keepCodes) {
								Matcher code = CODE.matcher(response.body());
								while (code.find()) {
									codes.add(code.group(1));
								}
							}
						}
					}
					catch (IOException ex) {
						status = 0;
					}
					statuses.merge(status, 1L, Long::sum);
					if (status == 429 && perSecond == 0 && retryAfter > 0) {
						// a closed-loop client behaves: it waits as told before its next
						// report (the paced ones keep their schedule, as a flood would)
						sleepNanos(Math.max(0, Math.min(retryAfter * 1_000_000_000L, end - System.nanoTime())));
					}
					if (stored > 0) {
						accepted.addAndGet(stored);
						if (n == mine.length) {
							mine = Arrays.copyOf(mine, n * 2);
						}
						mine[n++] = System.nanoTime() - began;
					}
				}
				connection.close();
				latencies.add(Arrays.copyOf(mine, n));
				synchronized (responses) {
					statuses.forEach((k, v) -> responses.merge(k, v, Long::sum));
				}
			}, "load-client-" + c));
			threads.get(c).start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Outcome(accepted.get(), responses, all, seconds, minId.get(), maxId.get(), List.copyOf(codes));
	}

	/** A single report's 201 stores one; a batch's answer says how many it stored. */
	private static long stored(String body) {
		Matcher stored = STORED.matcher(body);
		return stored.find() ? Long.parseLong(stored.group(1)) : 1;
	}

	private static void sleepNanos(long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
