package org.abusedesk.intake.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.problems.JsonLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * Many reports in one call, for reporters with a token. The call's body is archived
 * first; then every item is validated and resolved, and the valid ones are stored in
 * chunks, one transaction per chunk ({@link BatchChunks}). Every item is accepted or
 * rejected whole and a bad item never takes the others with it: an invalid item is
 * rejected before anything is stored, and when the database refuses a chunk, its items
 * are stored one by one, so that only the item it refuses is rejected (docs/adr/0006).
 */
@Service
class BatchIntake {

	static final int MAX_REPORTS = 1000;

	static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	/**
	 * At most {@link #MAX_REPORTS} reports of a few hundred tokens each: the tree of a
	 * batch stays within about a hundred megabytes whatever the body holds.
	 */
	static final JsonMapper BATCH_JSON = JsonLimits.treeReader(16, 1_500_000);

	/** Valid reports stored per transaction (docs/adr/0006). */
	static final int DEFAULT_CHUNK_SIZE = 250;

	/**
	 * @param status {@code submitted} or {@code denied} when stored, {@code rejected}
	 * when invalid or refused by the database (nothing stored)
	 */
	record ItemResult(int index, String status, Long id, String trackingCode, String denialReason, String duplicateOf,
			String statusSecret, List<FieldError> errors) {
	}

	record BatchResult(int stored, int rejected, List<ItemResult> results) {
	}

	private static final Logger logger = LoggerFactory.getLogger(BatchIntake.class);

	private final RawSubmissionArchive archive;

	private final ReportIntake intake;

	private final BatchChunks chunks;

	private final ObjectMapper json;

	private final int chunkSize;

	BatchIntake(RawSubmissionArchive archive, ReportIntake intake, BatchChunks chunks, ObjectMapper json,
			IntakeProperties properties) {
		int chunkSize = properties.batchChunkSize();
		Assert.isTrue(chunkSize > 0, "abusedesk.intake.batch-chunk-size must be positive");
		this.archive = archive;
		this.intake = intake;
		this.chunks = chunks;
		this.json = json;
		this.chunkSize = chunkSize;
	}

	/**
	 * Reads the items of a batch, once. A body that is not a batch is archived as it
	 * came, marked invalid with its errors, like a single report's.
	 * @throws InvalidInputException when the body is not a batch of 1 to
	 * {@link #MAX_REPORTS} reports within the JSON limits
	 */
	List<JsonNode> read(byte[] body, String clientAddress) {
		try {
			return items(body);
		}
		catch (InvalidInputException ex) {
			long rawId = this.archive.store(ReportFiled.BATCH, "batch", clientAddress, body);
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
	}

	/**
	 * Stores a batch read by {@link #read(byte[], String)}.
	 */
	BatchResult submit(byte[] body, List<JsonNode> items, String clientAddress, ReporterCredential credential) {
		long rawId = this.archive.store(ReportFiled.BATCH, "batch", clientAddress, body);
		String source = "raw_submission:" + rawId;
		ItemResult[] results = new ItemResult[items.size()];
		// first every item is read, validated and resolved (no database), ...
		List<BatchChunks.Item> valid = new ArrayList<>(items.size());
		// one question per reporter and batch, not one per item
		Map<String, Optional<FieldError>> suspensions = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			try {
				valid.add(validate(i, items.get(i), credential, suspensions));
			}
			catch (InvalidInputException ex) {
				results[i] = rejected(i, ex.errors());
			}
		}
		// ... then the valid ones are stored, a chunk per transaction
		for (int from = 0; from < valid.size(); from += this.chunkSize) {
			List<BatchChunks.Item> chunk = valid.subList(from, Math.min(from + this.chunkSize, valid.size()));
			List<ReportReceipt> receipts;
			try {
				receipts = this.chunks.store(ReportFiled.BATCH, source, chunk, credential);
			}
			catch (DataAccessException ex) {
				logger.info("A chunk of {} reports of {} failed ({}); storing them one by one", chunk.size(), source,
						problem(ex));
				receipts = oneByOne(source, chunk, credential, results);
			}
			for (int i = 0; i < chunk.size(); i++) {
				if (receipts.get(i) != null) {
					results[chunk.get(i).index()] = stored(chunk.get(i).index(), receipts.get(i));
				}
			}
		}
		this.archive.markProcessed(rawId);
		int stored = (int) Arrays.stream(results).filter((result) -> !result.status().equals("rejected")).count();
		return new BatchResult(stored, items.size() - stored, List.of(results));
	}

	/**
	 * A chunk the database refused, stored item by item through the single path, so that
	 * only the item the database refuses is rejected.
	 * @return the receipts, {@code null} for each item rejected (its result is set)
	 */
	private List<ReportReceipt> oneByOne(String source, List<BatchChunks.Item> chunk, ReporterCredential credential,
			ItemResult[] results) {
		List<ReportReceipt> receipts = new ArrayList<>(chunk.size());
		for (BatchChunks.Item item : chunk) {
			try {
				receipts.add(this.intake.storeResolved(ReportFiled.BATCH, source, item.submission(), item.resolution(),
						credential));
			}
			catch (DataIntegrityViolationException ex) {
				logger.warn("Item {} of {} could not be stored: {}", item.index(), source, problem(ex));
				receipts.add(null);
				results[item.index()] = rejected(item.index(), List.of(new FieldError("reports[" + item.index() + "]",
						"not_stored", "The database refused this report; nothing of it was stored.")));
			}
		}
		return receipts;
	}

	/**
	 * Reads, validates and resolves one item.
	 * @throws InvalidInputException naming the item's fields as {@code reports[i].…}
	 */
	private BatchChunks.Item validate(int index, JsonNode item, ReporterCredential credential,
			Map<String, Optional<FieldError>> suspensions) {
		String prefix = "reports[" + index + "].";
		if (!item.isObject() || !item.path("type").isString() || !item.path("report").isObject()) {
			throw new InvalidInputException(prefix.substring(0, prefix.length() - 1), "invalid",
					"Each item is {\"type\": ..., \"report\": {...}}.");
		}
		try {
			ReportSubmission submission = this.intake.validate(item.get("type").stringValue(), item.get("report"),
					credential);
			// a suspended reporter's notice is refused here as on every channel (strikes)
			String reporter = (submission.reporter() != null && submission.reporter().email() != null)
					? submission.reporter().email().strip().toLowerCase(Locale.ROOT) : "";
			Optional<FieldError> suspended = suspensions.computeIfAbsent(
					reporter + ("children".equals(submission.type().wire()) ? " children" : ""),
					(key) -> this.intake.suspended(submission));
			if (suspended.isPresent()) {
				throw new InvalidInputException(List.of(suspended.get()));
			}
			return new BatchChunks.Item(index, submission, this.intake.resolve(submission));
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors()
				.stream()
				.map((e) -> new FieldError(e.field().equals("type") ? prefix + "type" : prefix + "report." + e.field(),
						e.code(), e.message()))
				.toList());
		}
	}

	/**
	 * What went wrong, for the log: the SQL state and the first line of the message, not
	 * the details, which may quote what the reporter wrote.
	 */
	private static String problem(DataAccessException ex) {
		Throwable cause = ex.getMostSpecificCause();
		String state = (cause instanceof SQLException sql) ? "SQLState " + sql.getSQLState() + ": " : "";
		String message = String.valueOf(cause.getMessage());
		return state + message.lines().findFirst().orElse(message);
	}

	private static ItemResult stored(int index, ReportReceipt receipt) {
		return new ItemResult(index, receipt.status(), receipt.id(), receipt.trackingCode(), receipt.denialReason(),
				receipt.duplicateOf(), receipt.statusSecret(), List.of());
	}

	private static ItemResult rejected(int index, List<FieldError> errors) {
		return new ItemResult(index, "rejected", null, null, null, null, null, errors);
	}

	private List<JsonNode> items(byte[] body) {
		JsonNode root;
		try {
			root = BATCH_JSON.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			throw JsonLimits.tooComplex(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("", "invalid_json", "The request body is not valid JSON.");
		}
		if (root == null || !root.isObject() || !root.path("reports").isArray()) {
			throw new InvalidInputException("reports", "required",
					"Send {\"reports\": [{\"type\", \"report\"}, ...]}.");
		}
		JsonNode reports = root.get("reports");
		if (reports.isEmpty() || reports.size() > MAX_REPORTS) {
			throw new InvalidInputException("reports", reports.isEmpty() ? "required" : "too_many",
					"From 1 to " + MAX_REPORTS + " reports per call.");
		}
		List<JsonNode> items = new ArrayList<>(reports.size());
		reports.forEach(items::add);
		return items;
	}

}
