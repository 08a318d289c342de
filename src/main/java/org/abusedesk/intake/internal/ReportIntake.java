package org.abusedesk.intake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door for reports: archive the raw body, validate, resolve the host, store,
 * and hand reports about our customers on for a decision ({@link ReportReceived}).
 */
@Service
class ReportIntake {

	/** What the submitter is told at once. */
	record Receipt(long id, String trackingCode, String status, String denialReason) {
	}

	private final RawSubmissionArchive archive;

	private final ReportValidator validator;

	private final ReportRepository reports;

	private final Resolver resolver;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	ReportIntake(RawSubmissionArchive archive, ReportValidator validator, ReportRepository reports, Resolver resolver,
			AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.archive = archive;
		this.validator = validator;
		this.reports = reports;
		this.resolver = resolver;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
	}

	/**
	 * @throws InvalidInputException when the report is invalid; the raw body is kept all
	 * the same
	 */
	Receipt submit(String type, byte[] body, String clientAddress) {
		long rawId = this.archive.store("api", type, clientAddress, body);
		ReportSubmission submission;
		Resolution resolution;
		try {
			submission = this.validator.validate(type, body);
			resolution = this.resolver.resolve(submission.urls().get(0));
		}
		catch (InvalidInputException ex) {
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
		catch (InvalidTargetException ex) {
			InvalidInputException invalid = new InvalidInputException("urls[0]", "invalid_url", ex.getMessage());
			this.archive.markInvalid(rawId, invalid.errors());
			throw invalid;
		}
		return this.transaction.execute((status) -> store(rawId, submission, resolution));
	}

	private Receipt store(long rawId, ReportSubmission submission, Resolution resolution) {
		boolean ours = resolution.ours();
		ReportStatus status = ours ? ReportStatus.SUBMITTED : ReportStatus.DENIED;
		String denialReason = ours ? null : "not_ours";
		String trackingCode = TrackingCodes.next();
		long id = this.reports.insert(rawId, trackingCode, submission, resolution, status, denialReason);
		this.archive.markStored(rawId);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("tracking_code", trackingCode);
		facts.put("type", submission.type().wire());
		facts.put("reporter_kind", submission.reporter().kind().wire());
		facts.put("target", resolution.target());
		facts.put("url_count", submission.urls().size());
		facts.put("raw_submission_id", rawId);
		this.audit.append("report:" + id, "reporter", "report.received", facts);
		if (ours) {
			this.events.publishEvent(new ReportReceived(id));
		}
		else {
			this.audit.append("report:" + id, "system", "report.denied", Map.of("denial_reason", denialReason,
					"explanation", "No customer of ours uses " + resolution.target() + "."));
		}
		return new Receipt(id, trackingCode, status.wire(), denialReason);
	}

}
