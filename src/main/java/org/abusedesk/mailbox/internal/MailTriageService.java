package org.abusedesk.mailbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.mailbox.MailTriage;
import org.abusedesk.intake.ReportTriage;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports filed {@code type_unclear} and the quarantined messages, for staff (the
 * API's {@link TypeTriageController} and {@link QuarantineController}, and the console).
 */
@Service
class MailTriageService implements MailTriage {

	private final MailStore store;

	private final ReportTriage triage;

	private final AuditLog audit;

	private final MailIntakeService intake;

	MailTriageService(MailStore store, ReportTriage triage, AuditLog audit, MailIntakeService intake) {
		this.store = store;
		this.triage = triage;
		this.audit = audit;
		this.intake = intake;
	}

	@Override
	public List<UnclearReport> unclear(long after, int limit) {
		return this.store.unclear(after, limit);
	}

	@Override
	public Optional<UnclearReport> unclearReport(long reportId) {
		return this.store.unclearRow(reportId);
	}

	@Override
	@Transactional
	public Optional<UnclearReport> pickType(long reportId, ReportType type, String staff) {
		refuseUnfileable(type);
		// the flag's lock first: of two people picking at once, one picks and the other
		// finds the report no longer waiting
		if (!this.store.lockOpen(reportId)) {
			return Optional.empty();
		}
		Optional<ReportTriage.TypePicked> picked = this.triage.pickType(reportId, type);
		if (picked.isEmpty()) {
			return Optional.empty();
		}
		this.store.markChosen(reportId, type.wire(), staff);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("from", picked.get().from().wire());
		facts.put("to", type.wire());
		facts.put("flag", "type_unclear");
		facts.put("released", picked.get().released());
		this.audit.append("report:" + reportId, "staff:" + staff, "report.type_chosen", facts);
		return this.store.unclearRow(reportId);
	}

	@Override
	public List<QuarantinedMessage> quarantined(long before, int limit) {
		return this.store.quarantined(before, limit);
	}

	@Override
	public Optional<QuarantinedMessage> quarantinedMessage(long id) {
		return this.store.quarantinedMessage(id);
	}

	@Override
	public Optional<byte[]> quarantinedOriginal(long id) {
		return this.store.quarantinedRaw(id);
	}

	@Override
	public Optional<MailOutcome> release(long id, ReportType type, String staff) {
		if (type != null) {
			refuseUnfileable(type);
		}
		return this.intake.release(id, type, staff);
	}

	private static void refuseUnfileable(ReportType type) {
		if (!TYPES.contains(type)) {
			throw new InvalidInputException("type", "unsupported_type",
					"A report from the mailbox can be "
							+ String.join(", ", TYPES.stream().map(ReportType::wire).toList()) + "; a " + type.wire()
							+ " report needs fields an email does not give: " + "ask the reporter to use the form.");
		}
	}

}
