package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.ReportReceived;
import org.abusedesk.intake.ReportsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ResponsePlan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes a received report through its decision: one decision per service of the reported
 * property, the report attached to its case, and {@link ReportDecided} for the outbox,
 * all in one transaction. Runs after the intake transaction commits; the event
 * publication registry redelivers it after a crash, and a report already attached is
 * skipped, so a redelivery changes nothing.
 */
@Component
class ReportRouter {

	private final Reports reports;

	private final Decisions decisions;

	private final CaseRepository cases;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private static final Logger log = LoggerFactory.getLogger(ReportRouter.class);

	ReportRouter(Reports reports, Decisions decisions, CaseRepository cases, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.transaction = transaction;
		this.reports = reports;
		this.decisions = decisions;
		this.cases = cases;
		this.audit = audit;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(ReportReceived received) {
		route(received.reportId());
	}

	/**
	 * The reports of a chunk of a batch, each in a transaction of its own: one that fails
	 * does not undo the others, and the publication stays incomplete (and is redelivered)
	 * when any failed; those routed before are then skipped.
	 */
	@Async
	@TransactionalEventListener
	void on(ReportsReceived received) {
		int failed = 0;
		RuntimeException first = null;
		for (long reportId : received.reportIds()) {
			try {
				this.transaction.executeWithoutResult((status) -> route(reportId));
			}
			catch (CannotCreateTransactionException ex) {
				// no database (or shutting down): the rest would fail alike, one by one;
				// the publication stays incomplete and the chunk is delivered again
				throw ex;
			}
			catch (RuntimeException ex) {
				failed++;
				first = (first != null) ? first : ex;
				log.warn("Report {} could not be routed: {}", reportId, ex.getMessage());
			}
		}
		if (first != null) {
			throw new IllegalStateException(failed + " of " + received.reportIds().size()
					+ " reports could not be routed; the first failure: " + first.getMessage(), first);
		}
	}

	private void route(long reportId) {
		Report report = this.reports.find(reportId).orElseThrow();
		if (report.status() != ReportStatus.SUBMITTED || this.cases.isAttached(report.id())) {
			return;
		}
		Resolution resolution = report.resolution();
		List<Decision> made = new ArrayList<>();
		for (Service service : resolution.services()) {
			// Facts intake does not establish yet (jurisdiction, order scope,
			// confirmations)
			// stay absent; the policy treats absent bases as no basis.
			String reporterKind = report.reporter().kind().wire();
			// what the reporter stated: an order's jurisdiction and territory, a threat's
			// imminence; confirmations and strikes come from case work, not from the
			// report
			DecisionFacts facts = new DecisionFacts(service, report.type().wire(), reporterKind,
					report.detail("jurisdiction"), orderScope(report), resolution.account().atRisk(),
					resolution.origin() != null && resolution.origin().hostAbuseContact() != null, false, false,
					"trusted_flagger".equals(reporterKind), false,
					Boolean.TRUE.equals(report.details().get("imminent")), false);
			made.add(this.decisions.decide(report.id(), facts));
		}
		boolean needsReview = made.stream().anyMatch((decision) -> decision.plan().needsReview());
		String priority = made.stream().map((decision) -> decision.plan().priority()).sorted().findFirst().orElse("p3");
		Duration dueIn = made.stream()
			.map((decision) -> decision.plan().dueIn())
			.min(Duration::compareTo)
			.orElse(Duration.ofHours(72));
		CaseRepository.Attachment attachment = this.cases.attach(report.id(), resolution.propertyId(),
				resolution.property(), resolution.account().ref(), report.type().wire(), needsReview, priority,
				needsReview ? Instant.now().plus(dueIn) : null, queueFacts(made));
		this.reports.markAccepted(report.id());

		for (Decision decision : made) {
			ResponsePlan plan = decision.plan();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("decision_id", decision.id());
			details.put("service", decision.facts().service().wire());
			details.put("policy_version", plan.policyVersion());
			details.put("rule", plan.rule());
			details.put("review", plan.review().wire());
			details.put("notifications", plan.notifications().stream().map(NotificationKind::wire).toList());
			details.put("mitigations", plan.mitigations().stream().map((m) -> m.type().wire()).toList());
			if (plan.refused()) {
				details.put("refusal", plan.refusal());
			}
			details.put("explanation", plan.explanation());
			this.audit.append(report.stream(), "system", "report.decided", details);
		}
		String caseStream = "case:" + attachment.caseId();
		if (attachment.opened()) {
			this.audit.append(caseStream, "system", "case.opened", Map.of("property", resolution.property(),
					"account_ref", resolution.account().ref(), "report_type", report.type().wire()));
		}
		this.audit.append(caseStream, "system", "case.report_attached",
				Map.of("report_id", report.id(), "tracking_code", report.trackingCode(), "needs_review", needsReview));

		Set<NotificationKind> notifications = EnumSet.noneOf(NotificationKind.class);
		made.forEach((decision) -> notifications.addAll(decision.plan().notifications()));
		this.events.publishEvent(new ReportDecided(report.accepted(), attachment.caseId(), notifications));
	}

	private static CaseRepository.QueueFacts queueFacts(List<Decision> made) {
		return new CaseRepository.QueueFacts(
				made.stream().map((decision) -> decision.facts().service().wire()).distinct().sorted().toList(),
				made.stream().map((decision) -> decision.plan().rule()).distinct().sorted().toList(),
				made.stream().anyMatch((decision) -> decision.facts().trustedFlagger()),
				made.stream().anyMatch((decision) -> decision.facts().accountAtRisk()));
	}

	private static List<String> orderScope(Report report) {
		Object scope = report.details().get("territorial_scope");
		return (scope instanceof List<?> codes) ? codes.stream().map(String::valueOf).toList() : List.of();
	}

}
