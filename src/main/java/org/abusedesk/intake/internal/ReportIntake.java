package org.abusedesk.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Resolver;
import org.abusedesk.intake.ReportFiling;
import org.abusedesk.intake.ReportReceipt;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door for reports: archive the raw body, validate, resolve the host, store,
 * and hand reports about our customers on for a decision ({@link ReportReceived}).
 */
@Service
class ReportIntake implements ReportFiling {

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
	ReportReceipt submit(String type, byte[] body, String clientAddress) {
		long rawId = this.archive.store("api", type, clientAddress, body);
		ReportSubmission submission;
		Resolution resolution;
		try {
			submission = this.validator.validate(type, body);
			resolution = resolve(submission);
		}
		catch (InvalidInputException ex) {
			this.archive.markInvalid(rawId, ex.errors());
			throw ex;
		}
		return this.transaction.execute((status) -> {
			this.archive.markStored(rawId);
			return store("api", "raw_submission:" + rawId, submission, resolution);
		});
	}

	@Override
	public ReportReceipt file(String channel, String source, String type, String json, ReporterKind kind) {
		ReportSubmission submission = this.validator.validate(type, json.getBytes(StandardCharsets.UTF_8), kind);
		Resolution resolution = resolve(submission);
		return this.transaction.execute((status) -> store(channel, source, submission, resolution));
	}

	private Resolution resolve(ReportSubmission submission) {
		try {
			return this.resolver.resolve(submission.host());
		}
		catch (InvalidTargetException ex) {
			throw new InvalidInputException(submission.urls().isEmpty() ? "ips[0]" : "urls[0]", "invalid_target",
					ex.getMessage());
		}
	}

	private ReportReceipt store(String channel, String source, ReportSubmission submission, Resolution resolution) {
		boolean ours = resolution.ours();
		ReportStatus status = ours ? ReportStatus.SUBMITTED : ReportStatus.DENIED;
		String denialReason = ours ? null : "not_ours";
		String trackingCode = TrackingCodes.next();
		long id = this.reports.insert(channel, source, trackingCode, submission, resolution, status, denialReason);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("tracking_code", trackingCode);
		facts.put("type", submission.type().wire());
		facts.put("reporter_kind", submission.reporter().kind().wire());
		facts.put("target", resolution.target());
		facts.put("url_count", submission.urls().size());
		facts.put("address_count", submission.addresses().size());
		facts.put("channel", channel);
		facts.put("source", source);
		this.audit.append("report:" + id, "reporter", "report.received", facts);
		if (ours) {
			this.events.publishEvent(new ReportReceived(id));
		}
		else {
			this.audit.append("report:" + id, "system", "report.denied", Map.of("denial_reason", denialReason,
					"explanation", "No customer of ours uses " + resolution.target() + "."));
		}
		return new ReportReceipt(id, trackingCode, status.wire(), denialReason);
	}

}
