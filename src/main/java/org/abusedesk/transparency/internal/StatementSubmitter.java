package org.abusedesk.transparency.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Submits the waiting statements of reasons to the DSA Transparency Database
 * ({@code POST /api/v1/statements}, {@code Authorization: Bearer} the platform's token)
 * in batches of at most 100, at least once:
 * <ul>
 * <li>a batch is claimed under a lease before it is sent, so a node that stops between
 * sending and recording leaves it to be sent again once the lease runs out;</li>
 * <li>the database knows statements by their {@code puid}: the ones it says it has
 * already ({@code errors.existing_puids}) count as submitted, so a batch sent twice is
 * stored once;</li>
 * <li>a batch it refuses as invalid is split in halves until the refused statement is
 * alone; that one is kept, {@code refused}, with the database's answer for staff, and the
 * others go on;</li>
 * <li>anything else (no answer, 429, 5xx, a refused token) is tried again later, the
 * delay doubling from {@code retry-base} up to {@code retry-max}.</li>
 * </ul>
 * Every node may run it at once: claims skip what another node holds.
 */
@Component
class StatementSubmitter {

	static final int MAX_BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(StatementSubmitter.class);

	private static final int MAX_ERROR = 4000;

	private final StatementStore store;

	private final ObjectMapper json;

	private final URI endpoint;

	private final String token;

	private final int batchSize;

	private final Duration lease;

	private final Duration retryBase;

	private final Duration retryMax;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	StatementSubmitter(StatementStore store, ObjectMapper json, TransparencyProperties properties) {
		this(store, json, properties.submission().url(), properties.submission().token(),
				properties.submission().batchSize(), properties.submission().lease(),
				properties.submission().retryBase(), properties.submission().retryMax());
	}

	StatementSubmitter(StatementStore store, ObjectMapper json, String endpoint, String token, int batchSize,
			Duration lease, Duration retryBase, Duration retryMax) {
		if (batchSize < 1 || batchSize > MAX_BATCH) {
			throw new IllegalArgumentException(
					"abusedesk.transparency.submission.batch-size must be 1 to 100 (the database's limit): "
							+ batchSize);
		}
		this.store = store;
		this.json = json;
		this.endpoint = endpoint.isBlank() ? null : URI.create(endpoint.strip());
		if (this.endpoint != null && token.isBlank()) {
			throw new IllegalArgumentException(
					"abusedesk.transparency.submission.token is required with abusedesk.transparency.submission.url");
		}
		this.token = token.strip();
		this.batchSize = batchSize;
		this.lease = lease;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
	}

	/**
	 * Whether a database is configured; without one, statements wait (and are exported).
	 */
	boolean enabled() {
		return this.endpoint != null;
	}

	/**
	 * Submits every statement that is due, batch after batch.
	 * @return how many batches were claimed
	 */
	int submitDue() {
		int batches = 0;
		while (true) {
			int claimed = submitOneBatch();
			if (claimed == 0) {
				return batches;
			}
			batches++;
			if (claimed < this.batchSize) {
				return batches;
			}
		}
	}

	/**
	 * Claims one batch of due statements and submits it.
	 * @return how many statements it held
	 */
	int submitOneBatch() {
		if (!enabled()) {
			return 0;
		}
		List<StatementStore.Waiting> batch = this.store.claim(this.batchSize, this.lease);
		if (!batch.isEmpty()) {
			send(batch);
		}
		return batch.size();
	}

	/** Sends a claimed batch and records the answer. */
	void send(List<StatementStore.Waiting> batch) {
		Answer answer;
		try {
			answer = post(batch);
		}
		catch (IOException ex) {
			later(batch, "no answer: " + ex.getMessage());
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			later(batch, "interrupted");
			return;
		}
		if (answer.status() >= 200 && answer.status() < 300) {
			this.store.submitted(uuids(batch, answer.body()));
			return;
		}
		if (answer.status() == 422) {
			Set<String> existing = existingPuids(answer.body());
			if (!existing.isEmpty()) {
				Map<String, String> already = new LinkedHashMap<>();
				existing.forEach((puid) -> already.put(puid, null));
				this.store.submitted(already);
				// the others are sent again at once, without the ones it has
				this.store.retry(batch.stream()
					.filter((s) -> !existing.contains(s.puid()))
					.map(StatementStore.Waiting::id)
					.toList(), Instant.now(), null);
				return;
			}
			if (batch.size() == 1) {
				log.warn("The DSA Transparency Database refused statement {}: {}", batch.get(0).puid(),
						truncate(answer.body()));
				this.store.refused(batch.get(0).id(), truncate(answer.body()));
				return;
			}
			// find the refused statement: each half on its own
			int half = batch.size() / 2;
			send(batch.subList(0, half));
			send(batch.subList(half, batch.size()));
			return;
		}
		later(batch, "HTTP " + answer.status() + ": " + truncate(answer.body()));
	}

	private void later(List<StatementStore.Waiting> batch, String error) {
		int attempts = batch.stream().mapToInt(StatementStore.Waiting::attempts).max().orElse(1);
		Duration delay = this.retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		if (delay.compareTo(this.retryMax) > 0 || delay.isNegative()) {
			delay = this.retryMax;
		}
		log.warn("Statements of reasons not submitted ({} in the batch), trying again in {}: {}", batch.size(), delay,
				error);
		this.store.retry(batch.stream().map(StatementStore.Waiting::id).toList(), Instant.now().plus(delay), error);
	}

	private record Answer(int status, String body) {
	}

	private Answer post(List<StatementStore.Waiting> batch) throws IOException, InterruptedException {
		String body = batch.stream()
			.map(StatementStore.Waiting::statement)
			.collect(Collectors.joining(",", "{\"statements\":[", "]}"));
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofMinutes(1))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	/** The database's ids of the statements it stored, by puid (null where not given). */
	private Map<String, String> uuids(List<StatementStore.Waiting> batch, String body) {
		Map<String, String> byPuid = new LinkedHashMap<>();
		batch.forEach((s) -> byPuid.put(s.puid(), null));
		try {
			JsonNode stored = this.json.readTree(body).path("statements");
			for (JsonNode statement : stored) {
				String puid = statement.path("puid").asString(null);
				if (puid != null && byPuid.containsKey(puid)) {
					byPuid.put(puid, statement.path("uuid").asString(null));
				}
			}
		}
		catch (RuntimeException ex) {
			// stored all the same; the ids are a convenience
		}
		return byPuid;
	}

	private Set<String> existingPuids(String body) {
		try {
			List<String> puids = new ArrayList<>();
			this.json.readTree(body).path("errors").path("existing_puids").forEach((p) -> puids.add(p.asString()));
			return Set.copyOf(puids);
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
	}

	private static String truncate(String text) {
		String value = (text != null) ? text : "";
		return (value.length() <= MAX_ERROR) ? value : value.substring(0, MAX_ERROR);
	}

}
