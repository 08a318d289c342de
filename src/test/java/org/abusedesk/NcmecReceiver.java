package org.abusedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CyberTipline reporting API on 127.0.0.1 for the tests, answering as NCMEC's does
 * ({@code reportResponse} with {@code responseCode} 0): records every call, and can
 * refuse chosen calls (HTTP 503) to stand for a connector that stopped half-way.
 */
public final class NcmecReceiver {

	/** One call: the operation ({@code submit}, {@code upload}, ...), and its body. */
	public record Call(String operation, String body, int answeredWith, String reportId) {
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger nextReport = new AtomicInteger(7_000_000);

	private final AtomicInteger nextFile = new AtomicInteger(1);

	private volatile Predicate<Call> refuse = (call) -> false;

	private NcmecReceiver(HttpServer server) {
		this.server = server;
	}

	public static NcmecReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			NcmecReceiver receiver = new NcmecReceiver(server);
			server.createContext("/ispws", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/ispws";
	}

	/**
	 * The calls so far whose body contains {@code marker}, or that name its report id.
	 */
	public List<Call> calls(String operation, String reportId) {
		return this.calls.stream()
			.filter((call) -> call.operation().equals(operation) && reportId.equals(call.reportId()))
			.toList();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Refuse (HTTP 503) the calls that match, until told otherwise. */
	public void refuse(Predicate<Call> which) {
		this.refuse = which;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String operation = exchange.getRequestURI().getPath().replaceFirst("^/ispws/", "");
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
		String reportId = switch (operation) {
			case "submit" -> String.valueOf(this.nextReport.incrementAndGet());
			case "finish" -> body.replaceFirst("^id=", "").trim();
			case "upload" -> between(body, "name=\"id\"\r\n\r\n", "\r\n");
			default -> between(body, "<reportId>", "</reportId>");
		};
		Call call = new Call(operation, body, 200, reportId);
		if (this.refuse.test(call)) {
			this.calls.add(new Call(operation, body, 503, reportId));
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		this.calls.add(call);
		String extra = switch (operation) {
			case "upload" -> "<fileId>file-" + this.nextFile.getAndIncrement() + "</fileId><hash>0</hash>";
			case "finish" -> "<files></files>";
			default -> "";
		};
		byte[] answer = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse><responseCode>0</responseCode>"
				+ "<responseDescription>Success</responseDescription><reportId>" + reportId + "</reportId>" + extra
				+ "</reportResponse>")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/xml");
		exchange.sendResponseHeaders(200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	private static String between(String body, String start, String end) {
		int from = body.indexOf(start);
		if (from < 0) {
			return null;
		}
		from += start.length();
		int to = body.indexOf(end, from);
		return (to < 0) ? null : body.substring(from, to).trim();
	}

}
