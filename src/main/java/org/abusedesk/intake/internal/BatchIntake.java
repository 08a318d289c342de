package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;

/**
 * Many reports in one call, for reporters with a token. The call's body is archived
 * first; then each report is validated and stored in a transaction of its own, so every
 * item is accepted or rejected whole and a bad item never takes the others with it.
 */
@Service
class BatchIntake {

	static final int MAX_REPORTS = 1000;

	static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	/**
	 * @param status {@code submitted} or {@code denied} when stored, {@code rejected}
	 * when invalid (nothing stored)
	 */
	record ItemResult(int index, String status, Long id, String trackingCode, String denialReason, String duplicateOf,
			String statusSecret, List<FieldError> errors) {
	}

	record BatchResult(int stored, int rejected, List<ItemResult> results) {
	}

	private final RawSubmissionArchive archive;

	private final ReportIntake intake;

	private final ObjectMapper json;

	BatchIntake(RawSubmissionArchive archive, ReportIntake intake, ObjectMapper json) {
		this.archive = archive;
		this.intake = intake;
		this.json = json;
	}

	/**
	 * Reads the items of a batch without storing anything; answers how many there are.
	 */
	int count(byte[] body) {
		return items(body).size();
	}

	BatchResult submit(byte[] body, String clientAddress, ReporterCredential credential) {
		long rawId = this.archive.store("api-batch", "batch", clientAddress, body);
		List<JsonNode> items;
		try {
			items = items(body);
		}
		catch (InvalidInputException ex) {
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
		String source = "raw_submission:" + rawId;
		List<ItemResult> results = new ArrayList<>(items.size());
		int stored = 0;
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String prefix = "reports[" + i + "].";
			try {
				if (!item.isObject() || !item.path("type").isString() || !item.path("report").isObject()) {
					throw new InvalidInputException(prefix.substring(0, prefix.length() - 1), "invalid",
							"Each item is {\"type\": ..., \"report\": {...}}.");
				}
				ReportSubmission submission;
				try {
					submission = this.intake.validate(item.get("type").stringValue(),
							this.json.writeValueAsBytes(item.get("report")), credential);
				}
				catch (InvalidInputException ex) {
					throw new InvalidInputException(ex.errors()
						.stream()
						.map((e) -> new FieldError(
								e.field().equals("type") ? prefix + "type" : prefix + "report." + e.field(), e.code(),
								e.message()))
						.toList());
				}
				ReportReceipt receipt = this.intake.storeValidated("api-batch", source, submission, credential);
				stored++;
				results.add(new ItemResult(i, receipt.status(), receipt.id(), receipt.trackingCode(),
						receipt.denialReason(), receipt.duplicateOf(), receipt.statusSecret(), List.of()));
			}
			catch (InvalidInputException ex) {
				results.add(new ItemResult(i, "rejected", null, null, null, null, null, ex.errors()));
			}
		}
		this.archive.markProcessed(rawId);
		return new BatchResult(stored, items.size() - stored, results);
	}

	private List<JsonNode> items(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
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
