package org.abusedesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;

/**
 * A CyberTipline reporting API on 127.0.0.1 for the tests, answering as NCMEC's does
 * ({@code reportResponse} with {@code responseCode} 0): records every call, and can
 * refuse chosen calls (HTTP 503) to stand for a connector that stopped half-way.
 */
public final class NcmecReceiver extends RecordingServer<NcmecReceiver.Call> {

	/** One call: the operation ({@code submit}, {@code upload}, ...), and its body. */
	public record Call(String operation, String body, int answeredWith, String reportId) {
	}

	private final AtomicInteger nextReport = new AtomicInteger(7_000_000);

	private final AtomicInteger nextFile = new AtomicInteger(1);

	private volatile Predicate<Call> refuse = (call) -> false;

	private NcmecReceiver() {
		super("/ispws");
	}

	public static NcmecReceiver start() {
		return new NcmecReceiver();
	}

	/**
	 * The calls so far whose body contains {@code marker}, or that name its report id.
	 */
	public List<Call> calls(String operation, String reportId) {
		return recorded().stream()
			.filter((call) -> call.operation().equals(operation) && reportId.equals(call.reportId()))
			.toList();
	}

	public List<Call> calls() {
		return recorded();
	}

	/** Refuse (HTTP 503) the calls that match, until told otherwise. */
	public void refuse(Predicate<Call> which) {
		this.refuse = which;
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		String operation = exchange.getRequestURI().getPath().replaceFirst("^/ispws/", "");
		String body = body(exchange, StandardCharsets.ISO_8859_1);
		String reportId = switch (operation) {
			case "submit" -> String.valueOf(this.nextReport.incrementAndGet());
			case "finish" -> body.replaceFirst("^id=", "").trim();
			case "upload" -> between(body, "name=\"id\"\r\n\r\n", "\r\n");
			default -> between(body, "<reportId>", "</reportId>");
		};
		Call call = new Call(operation, body, 200, reportId);
		if (this.refuse.test(call)) {
			record(new Call(operation, body, 503, reportId));
			exchange.sendResponseHeaders(503, -1);
			return;
		}
		record(call);
		String extra = switch (operation) {
			case "upload" -> "<fileId>file-" + this.nextFile.getAndIncrement() + "</fileId><hash>0</hash>";
			case "finish" -> "<files></files>";
			default -> "";
		};
		answer(exchange, 200, "text/xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse><responseCode>0</responseCode>"
						+ "<responseDescription>Success</responseDescription><reportId>" + reportId + "</reportId>"
						+ extra + "</reportResponse>");
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
