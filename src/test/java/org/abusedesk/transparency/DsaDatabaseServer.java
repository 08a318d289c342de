package org.abusedesk.transparency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import org.abusedesk.RecordingServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the DSA Transparency Database's {@code POST /api/v1/statements}
 * that enforces the same rules: a bearer token, 1 to 100 statements, every statement
 * valid by the database's validation rules (the conformance checker runs on each batch),
 * and a puid the platform has not used before; a refused call stores nothing. Its answers
 * have the database's shapes (201 with the statements and their uuids; 422 with
 * {@code errors}, and {@code errors.existing_puids} for puids it has).
 */
public final class DsaDatabaseServer extends RecordingServer<Integer> {

	public static final String TOKEN = "X|test-platform-token";

	private static final Pattern VIOLATION = Pattern.compile("^[^:]+: (statement_\\d+)\\.(\\S+): (.*)$");

	private final ObjectMapper json = new ObjectMapper();

	/** Every statement stored, by puid. */
	private final Map<String, String> stored = Collections.synchronizedMap(new LinkedHashMap<>());

	/** The puids of each call it answered 201, in order. */
	private final List<List<String>> acceptedBatches = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger answersToLose = new AtomicInteger();

	private final AtomicInteger unavailable = new AtomicInteger();

	private DsaDatabaseServer() {
		super("/api/v1/statements");
	}

	public static DsaDatabaseServer start() {
		return new DsaDatabaseServer();
	}

	/**
	 * Stores the next {@code n} valid calls but closes the connection without an answer.
	 */
	public void loseAnswers(int n) {
		this.answersToLose.set(n);
	}

	/** Answers the next {@code n} calls 503. */
	public void beUnavailable(int n) {
		this.unavailable.set(n);
	}

	public Map<String, String> stored() {
		return Map.copyOf(this.stored);
	}

	public List<List<String>> acceptedBatches() {
		return List.copyOf(this.acceptedBatches);
	}

	/** The number of statements of each call, in order. */
	public List<Integer> calls() {
		return recorded();
	}

	@Override
	protected void handle(HttpExchange exchange) throws IOException {
		String body = body(exchange, StandardCharsets.UTF_8);
		if (!"POST".equals(exchange.getRequestMethod())) {
			answer(exchange, 405, "{\"message\":\"Method not allowed.\"}");
			return;
		}
		if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			answer(exchange, 401, "{\"message\":\"Unauthenticated.\"}");
			return;
		}
		JsonNode statements = this.json.readTree(body).path("statements");
		record(statements.size());
		if (this.unavailable.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			answer(exchange, 503, "{\"message\":\"Service unavailable.\"}");
			return;
		}
		synchronized (this) {
			SorValidator.Result result = SorValidator.validateBatch(body);
			if (result.exitCode() != 0) {
				answer(exchange, 422, invalid(result.output()));
				return;
			}
			List<String> existing = new ArrayList<>();
			statements.forEach((s) -> {
				if (this.stored.containsKey(s.get("puid").asString())) {
					existing.add(s.get("puid").asString());
				}
			});
			if (!existing.isEmpty()) {
				ObjectNode out = this.json.createObjectNode()
					.put("message", "The identifiers given are not unique within this platform.");
				ObjectNode errors = out.putObject("errors");
				errors.putArray("puid").add("The identifier(s) are not unique within this platform.");
				ArrayNode list = errors.putArray("existing_puids");
				existing.forEach(list::add);
				answer(exchange, 422, out.toString());
				return;
			}
			ObjectNode out = this.json.createObjectNode();
			ArrayNode created = out.putArray("statements");
			List<String> puids = new ArrayList<>();
			for (JsonNode statement : statements) {
				String puid = statement.get("puid").asString();
				String uuid = UUID.randomUUID().toString();
				this.stored.put(puid, uuid);
				puids.add(puid);
				((ObjectNode) statement).put("uuid", uuid);
				created.add(statement);
			}
			this.acceptedBatches.add(puids);
			if (this.answersToLose.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				// stored, but the answer never reaches the platform
				return;
			}
			answer(exchange, 201, out.toString());
		}
	}

	/** The database's 422: {@code errors} by {@code statement_N.field}. */
	private String invalid(String output) {
		ObjectNode out = this.json.createObjectNode().put("message", "The given data was invalid.");
		ObjectNode errors = out.putObject("errors");
		for (String line : output.split("\n")) {
			Matcher matcher = VIOLATION.matcher(line);
			if (matcher.matches() && !line.contains(": warning: ")) {
				String key = matcher.group(1) + "." + matcher.group(2);
				((ArrayNode) (errors.has(key) ? errors.get(key) : errors.putArray(key))).add(matcher.group(3));
			}
		}
		return out.toString();
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		answer(exchange, status, "application/json", body);
	}

}
