package org.abusedesk.mitigations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.EmergencyApproved;
import org.abusedesk.cases.ProposalApproved;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.ProposedMitigation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one way a decided mitigation is recorded: an approved case plan
 * ({@link ProposalApproved}) and an approved emergency ({@link EmergencyApproved}) both
 * come here, in the approving transaction (cases cannot call {@link Mitigations} itself:
 * actions depends on cases). Each takes effect after its grace period, counted from the
 * approval.
 * <p>
 * A {@code url_pattern} mitigation applies to the URLs of the case's reports, one
 * mitigation per {@link UrlTargets target}, never to the whole property; when the reports
 * name no URL (network abuse reported by IP address) none is recorded, and the case's
 * history says so ({@code mitigation.not_taken}). {@code zone} and {@code account}
 * mitigations apply to the case's zone and account, as the policy names them.
 */
@Component
class DecidedMitigations {

	private final Mitigations mitigations;

	private final Reports reports;

	private final AuditLog audit;

	DecidedMitigations(Mitigations mitigations, Reports reports, AuditLog audit) {
		this.mitigations = mitigations;
		this.reports = reports;
		this.audit = audit;
	}

	@EventListener
	void on(ProposalApproved approved) {
		record(approved.caseId(), approved.mitigations(), approved.reportIds(), approved.actor(),
				Map.of("proposal_id", approved.proposalId()));
	}

	@EventListener
	void on(EmergencyApproved approved) {
		record(approved.caseId(), approved.mitigations(), approved.reportIds(), "system",
				Map.of("emergency_id", approved.emergencyId()));
	}

	private void record(long caseId, List<ProposedMitigation> proposed, List<Long> reportIds, String actor,
			Map<String, Object> basis) {
		if (proposed.isEmpty()) {
			return;
		}
		List<String> urlTargets = proposed.stream().anyMatch((m) -> m.entityType() == EntityType.URL_PATTERN)
				? urlTargets(reportIds) : List.of();
		Instant now = Instant.now();
		List<NewMitigation> taken = new ArrayList<>();
		for (ProposedMitigation mitigation : proposed) {
			List<String> values = (mitigation.entityType() == EntityType.URL_PATTERN) ? urlTargets
					: java.util.Collections.singletonList(null);
			if (values.isEmpty()) {
				Map<String, Object> details = new LinkedHashMap<>(basis);
				details.put("type", mitigation.type().wire());
				details.put("entity_type", mitigation.entityType().wire());
				details.put("reason", "no_reported_urls");
				this.audit.append("case:" + caseId, actor, "mitigation.not_taken", details);
				continue;
			}
			Instant effective = now.plus(mitigation.effectiveAfter());
			Instant expires = (mitigation.expiresAfter() != null) ? effective.plus(mitigation.expiresAfter()) : null;
			Instant review = (mitigation.reviewAfter() != null) ? effective.plus(mitigation.reviewAfter()) : null;
			for (String value : values) {
				taken.add(new NewMitigation(caseId, mitigation.type().wire(), mitigation.entityType().wire(),
						mitigation.territorialScope(), effective, expires, review, actor, basis, value, null));
			}
		}
		// last: each takes the change-sequence lock, held until commit
		taken.forEach(this.mitigations::create);
	}

	/** The targets of the URLs of the case's reports that were not denied. */
	private List<String> urlTargets(List<Long> reportIds) {
		return UrlTargets.of(this.reports.findAll(reportIds)
			.stream()
			.filter((report) -> report.status() != ReportStatus.DENIED)
			.map(Report::urls)
			.flatMap(List::stream)
			.toList());
	}

}
