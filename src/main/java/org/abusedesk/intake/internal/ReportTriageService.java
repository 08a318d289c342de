package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReportTriage;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds reports filed without their type and releases them with the type a person picked
 * ({@code report.held_for}). The router claims only reports that are not held
 * ({@link SubmittedQueue#claimSubmitted}).
 */
@Service
class ReportTriageService implements ReportTriage {

	private final JdbcClient jdbc;

	private final ReportLookup reports;

	private final ApplicationEventPublisher events;

	ReportTriageService(JdbcClient jdbc, ReportLookup reports, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.events = events;
	}

	@Override
	public void hold(long reportId) {
		this.jdbc.sql("update report set held_for = 'type_unclear' where id = :id and status = 'submitted'")
			.param("id", reportId)
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<TypePicked> pickType(long reportId, ReportType type) {
		Optional<Boolean> held = this.jdbc.sql("select held_for is not null from report where id = :id for update")
			.param("id", reportId)
			.query(Boolean.class)
			.optional();
		if (held.isEmpty()) {
			return Optional.empty();
		}
		Report report = this.reports.find(reportId).orElseThrow();
		refuseWhatTheTypeCannotTake(report, type);
		boolean released = held.get() && report.status() == ReportStatus.SUBMITTED;
		// a reporter by email chose nothing for NCMEC either: anonymous, as for the host
		this.jdbc.sql("""
				update report set type = :type, held_for = null,
				       notify_ncmec = case when :type = 'children' then coalesce(notify_ncmec, 'send-anon') end
				where id = :id""").param("type", type.wire()).param("id", reportId).update();
		if (released) {
			// the router decides it once this transaction commits, as a report of its
			// new type
			this.events.publishEvent(new ReportReceived(reportId));
		}
		return Optional.of(new TypePicked(report.type(), type, released));
	}

	/** What the intake asks of a report of {@code type} and this report does not give. */
	private static void refuseWhatTheTypeCannotTake(Report report, ReportType type) {
		TypeSpec spec = ReportTypeSpecs.of(type);
		if (!report.addresses().isEmpty() && !spec.addresses()) {
			throw new InvalidInputException("type", "addresses_not_allowed", "A " + type.wire()
					+ " report is about URLs; this one names IP addresses, which only a general report takes.");
		}
		List<String> missing = new ArrayList<>();
		spec.fields()
			.stream()
			.filter((field) -> field.required() && report.details().get(field.name()) == null)
			.forEach((field) -> missing.add(field.name()));
		if (spec.documentRequired()) {
			missing.add("document");
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException("type", "fields_missing",
					"A " + type.wire() + " report needs " + String.join(", ", missing)
							+ ", which this report does not have; ask the reporter to use the form.");
		}
		if (spec.directUrlRequired() && !report.urls().stream().allMatch(ReportValidator::isDirect)) {
			throw new InvalidInputException("type", "direct_url_required",
					"A " + type.wire() + " report needs the URL of the content itself, not of the whole site.");
		}
		if (!spec.allows("host", report.notifyHost()) || !spec.allows("owner", report.notifyOwner())) {
			throw new InvalidInputException("type", "notify_not_allowed", "A " + type.wire()
					+ " report is forwarded with the reporter's contact, which this reporter did not agree to.");
		}
	}

}
