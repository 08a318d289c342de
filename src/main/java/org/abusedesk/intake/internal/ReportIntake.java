package org.abusedesk.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportFiled;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.Reporter;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.intake.ReporterSuspensions;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The front door for reports: archive the raw body, validate, resolve the host, store,
 * and hand reports about our customers on for a decision ({@link ReportReceived}).
 */
@Service
class ReportIntake implements ReportFiling {

	private final RawSubmissionArchive archive;

	private final ReportValidator validator;

	private final ReportStore reports;

	private final DuplicateCheck duplicates;

	private final Resolver resolver;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Duration duplicateWindow;

	private final ObjectProvider<ReporterSuspensions> suspensions;

	ReportIntake(RawSubmissionArchive archive, ReportValidator validator, ReportStore reports,
			DuplicateCheck duplicates, Resolver resolver, AuditLog audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, IntakeProperties properties,
			ObjectProvider<ReporterSuspensions> suspensions) {
		this.suspensions = suspensions;
		this.duplicateWindow = properties.duplicateWindow();
		this.archive = archive;
		this.validator = validator;
		this.reports = reports;
		this.duplicates = duplicates;
		this.resolver = resolver;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
	}

	/**
	 * @throws InvalidInputException when the report is invalid; the raw body is kept all
	 * the same
	 */
	ReportReceipt submit(String type, byte[] body, String clientAddress) {
		return submit(type, body, clientAddress, null);
	}

	/**
	 * @param credential the reporter token the request came with, or {@code null}
	 */
	ReportReceipt submit(String type, byte[] body, String clientAddress, ReporterCredential credential) {
		long rawId = this.archive.store("api", type, clientAddress, body);
		ReportSubmission submission;
		Resolution resolution;
		try {
			submission = validate(type, body, credential);
			resolution = resolve(submission);
		}
		catch (InvalidInputException ex) {
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
		refuseSuspended(rawId, submission);
		return this.transaction
			.execute((status) -> store("api", "raw_submission:" + rawId, submission, resolution, credential, true));
	}

	/**
	 * Refuses a notice from a reporter whose notices are suspended (strikes, DSA Art.
	 * 23), saying why and until when; the raw body stays, marked with the same words.
	 * @throws ResponseStatusException 403
	 */
	private void refuseSuspended(long rawId, ReportSubmission submission) {
		Optional<FieldError> suspended = suspended(submission);
		if (suspended.isPresent()) {
			this.archive.markInvalid(rawId, List.of(suspended.get()));
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, suspended.get().message());
		}
	}

	/**
	 * The field error for a notice from a suspended reporter (why, and until when), or
	 * empty.
	 */
	Optional<FieldError> suspended(ReportSubmission submission) {
		ReporterSuspensions suspensions = this.suspensions.getIfAvailable();
		if (suspensions == null || submission.reporter() == null) {
			return Optional.empty();
		}
		return suspensions.of(submission.reporter().email(), submission.type().wire())
			.map((suspension) -> new FieldError("reporter", "suspended", suspension.message()));
	}

	/** Validates one report as its credential allows (kind and default reporter). */
	ReportSubmission validate(String type, byte[] body, ReporterCredential credential) {
		if (credential == null) {
			return this.validator.validate(type, body);
		}
		Reporter holder = new Reporter(credential.name(), credential.email(), credential.kind(),
				credential.organisation(), null);
		return this.validator.validate(type, body, credential.kind(), holder);
	}

	/**
	 * Validates one report already read (an item of a batch) as its credential allows.
	 */
	ReportSubmission validate(String type, JsonNode body, ReporterCredential credential) {
		if (credential == null) {
			return this.validator.validate(type, body, null, null);
		}
		Reporter holder = new Reporter(credential.name(), credential.email(), credential.kind(),
				credential.organisation(), null);
		return this.validator.validate(type, body, credential.kind(), holder);
	}

	/** Stores a validated and resolved report in a transaction of its own. */
	ReportReceipt storeResolved(String channel, String source, ReportSubmission submission, Resolution resolution,
			ReporterCredential credential) {
		return this.transaction.execute((status) -> store(channel, source, submission, resolution, credential, false));
	}

	/**
	 * Files a report from the web form. The form as submitted is archived first; then the
	 * problems only the form can have are reported together with the validator's, so that
	 * the reporter sees every one at once; the evidence files are stored with the report,
	 * in its transaction.
	 * @param raw the submitted fields and the uploaded files' names, sizes and digests
	 * @param json the form turned into the API's body
	 * @param evidence the uploaded files that passed their content check
	 * @param formErrors problems with fields the API does not have (the email typed
	 * twice, the evidence files)
	 * @throws InvalidInputException with every problem found
	 */
	ReportReceipt submitForm(String type, byte[] raw, byte[] json, List<EvidenceFile> evidence,
			List<FieldError> formErrors, String clientAddress) {
		long rawId = this.archive.store("web", type, clientAddress, raw);
		ReportSubmission submission;
		Resolution resolution;
		try {
			List<FieldError> errors = new ArrayList<>();
			try {
				submission = this.validator.validate(type, json);
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.errors());
				submission = null;
			}
			errors.addAll(formErrors);
			if (submission != null) {
				suspended(submission).ifPresent(errors::add);
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			resolution = resolve(submission);
		}
		catch (InvalidInputException ex) {
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
		ReportSubmission valid = submission;
		return this.transaction.execute((status) -> {
			ReportReceipt receipt = store("web", "raw_submission:" + rawId, valid, resolution, null, true);
			evidence.forEach((file) -> this.reports.insertEvidence(receipt.id(), file));
			return receipt;
		});
	}

	@Override
	public ReportReceipt file(String channel, String source, String type, String json, ReporterKind kind) {
		ReportSubmission submission = this.validator.validate(type, json.getBytes(StandardCharsets.UTF_8), kind);
		Optional<FieldError> suspended = suspended(submission);
		if (suspended.isPresent()) {
			throw new InvalidInputException(List.of(suspended.get()));
		}
		Resolution resolution = resolve(submission);
		return this.transaction.execute((status) -> store(channel, source, submission, resolution, null, false));
	}

	Resolution resolve(ReportSubmission submission) {
		try {
			return this.resolver.resolve(submission.host());
		}
		catch (InvalidTargetException ex) {
			throw new InvalidInputException(submission.urls().isEmpty() ? "ips[0]" : "urls[0]", "invalid_target",
					ex.getMessage());
		}
	}

	/**
	 * @param marksRawStored whether the raw submission the source names holds this report
	 * alone, and is marked {@code stored} with it
	 */
	private ReportReceipt store(String channel, String source, ReportSubmission submission, Resolution resolution,
			ReporterCredential credential, boolean marksRawStored) {
		String fingerprint = Fingerprints.of(submission);
		Optional<DuplicateCheck.Original> original = (fingerprint != null)
				? this.duplicates.findOriginal(fingerprint, this.duplicateWindow) : Optional.empty();
		String denialReason = denialReason(original.orElse(null), resolution);
		ReportStatus status = (denialReason == null) ? ReportStatus.SUBMITTED : ReportStatus.DENIED;
		String trackingCode = TrackingCodes.next();
		String statusSecret = StatusSecrets.next();
		Report stored = this.reports.insert(channel, source, trackingCode, submission, resolution, status, denialReason,
				original.map(DuplicateCheck.Original::id).orElse(null), fingerprint, StatusSecrets.hash(statusSecret),
				(credential != null) ? credential.tokenId() : null, marksRawStored);
		long id = stored.id();
		// the report's stream is new (its row was just inserted): its first entries in
		// one
		// statement
		List<AuditLog.NewEntry> entries = new ArrayList<>(2);
		entries.add(new AuditLog.NewEntry("reporter", "report.received", receivedFacts(stored, channel, source)));
		if (denialReason == null) {
			this.events.publishEvent(new ReportReceived(id));
		}
		else {
			entries.add(new AuditLog.NewEntry("system", "report.denied", denialFacts(stored, original.orElse(null))));
		}
		this.audit.startStreams(List.of(new AuditLog.NewStream(stored.stream(), entries)));
		this.events.publishEvent(new ReportFiled(stored, statusSecret, channel));
		return receipt(stored, original.orElse(null), statusSecret);
	}

	/**
	 * Why a report is denied on arrival, or {@code null} when it is not.
	 * @param original the report it repeats, or {@code null}
	 */
	static String denialReason(DuplicateCheck.Original original, Resolution resolution) {
		return (original != null) ? DenialReason.DUPLICATE_REPORT.wire()
				: resolution.ours() ? null : DenialReason.NOT_OURS.wire();
	}

	/** The details of a report's first audit entry, {@code report.received}. */
	static Map<String, Object> receivedFacts(Report stored, String channel, String source) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("tracking_code", stored.trackingCode());
		facts.put("type", stored.type().wire());
		facts.put("reporter_kind", stored.reporter().kind().wire());
		facts.put("target", stored.resolution().target());
		facts.put("url_count", stored.urls().size());
		facts.put("address_count", stored.addresses().size());
		facts.put("channel", channel);
		facts.put("source", source);
		return facts;
	}

	/** The details of {@code report.denied} for a report denied on arrival. */
	static Map<String, Object> denialFacts(Report stored, DuplicateCheck.Original original) {
		Map<String, Object> denial = new LinkedHashMap<>();
		denial.put("denial_reason", stored.denialReason());
		denial.put("explanation",
				(original != null)
						? "The same reporter sent the same report as " + original.trackingCode() + " recently."
						: "No customer of ours uses " + stored.resolution().target() + ".");
		if (original != null) {
			denial.put("duplicate_of", original.trackingCode());
		}
		return denial;
	}

	static ReportReceipt receipt(Report stored, DuplicateCheck.Original original, String statusSecret) {
		return new ReportReceipt(stored.id(), stored.trackingCode(), stored.status().wire(), stored.denialReason(),
				(original != null) ? original.trackingCode() : null, statusSecret);
	}

}
