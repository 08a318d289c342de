package org.abusedesk.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.policy.Priority;
import org.abusedesk.cases.CasePlan;
import org.abusedesk.cases.ProposalApproved;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.cases.RepeatInfringers;
import org.abusedesk.campaigns.Campaigns;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.cases.ReportsDecided;
import org.abusedesk.content.ContentFacts;
import org.abusedesk.content.HostedSnapshots;
import org.abusedesk.content.ReportContent;
import org.abusedesk.catalog.Resolution;
import org.abusedesk.catalog.Service;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.ResponsePlan;
import org.abusedesk.policy.Review;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes submitted reports through their decisions, many at a time: one decision per
 * service of each reported property, each report attached to its case, the audit entries,
 * and {@link ReportsDecided} for the outbox, all in one transaction and in a handful of
 * statements however many reports there are (docs/adr/0008).
 * <p>
 * A submitted report is its own to-do: the router claims the oldest ones no other node
 * holds ({@link Reports#claimSubmitted}), so nothing is lost in a crash (the claim is
 * undone with the transaction) and no report is decided twice.
 */
@Component
class ReportRouter {

	private final Reports reports;

	private final Decisions decisions;

	private final CaseRepository cases;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ConfirmationRepository confirmations;

	private final ProposalRepository proposals;

	private final ObjectProvider<RepeatInfringers> repeatInfringers;

	private final ReportContent content;

	private final Campaigns campaigns;

	private final HostedSnapshots snapshots;

	ReportRouter(Reports reports, Decisions decisions, CaseRepository cases, AuditLog audit,
			ApplicationEventPublisher events, ConfirmationRepository confirmations, ProposalRepository proposals,
			ObjectProvider<RepeatInfringers> repeatInfringers, ReportContent content, Campaigns campaigns,
			HostedSnapshots snapshots) {
		this.content = content;
		this.snapshots = snapshots;
		this.confirmations = confirmations;
		this.proposals = proposals;
		this.repeatInfringers = repeatInfringers;
		this.campaigns = campaigns;
		this.reports = reports;
		this.decisions = decisions;
		this.cases = cases;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Claims up to {@code limit} submitted reports and decides them, in a transaction of
	 * its own.
	 * @param except reports to leave aside (they failed before)
	 * @return the ids of the reports decided
	 * @throws BatchFailed when routing failed after the claim (the transaction rolled
	 * back), naming the reports claimed
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<Long> routeWaiting(int limit, Collection<Long> except) {
		List<Long> claimed = this.reports.claimSubmitted(limit, except);
		try {
			// read inside: a report that cannot even be read fails its batch like any
			// other
			return route(this.reports.findAll(claimed));
		}
		catch (RuntimeException ex) {
			throw new BatchFailed(claimed, ex);
		}
	}

	/** Routing a batch failed after its reports were claimed; nothing of it was kept. */
	static final class BatchFailed extends RuntimeException {

		private final List<Long> reportIds;

		BatchFailed(List<Long> reportIds, RuntimeException cause) {
			super(cause.getMessage(), cause);
			this.reportIds = List.copyOf(reportIds);
		}

		List<Long> reportIds() {
			return this.reportIds;
		}

	}

	/**
	 * Decides one submitted report, in a transaction of its own; nothing when it is no
	 * longer submitted or another transaction holds it.
	 * @return whether it was decided
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean routeOne(long reportId) {
		return !route(this.reports.claim(reportId).stream().toList()).isEmpty();
	}

	private List<Long> route(List<Report> claimed) {
		if (claimed.isEmpty()) {
			return List.of();
		}
		// what reviewers confirmed on the open case a report joins counts for it too
		Set<ConfirmationRepository.CaseKey> keys = new HashSet<>();
		claimed.forEach((report) -> keys.add(key(report)));
		Map<ConfirmationRepository.CaseKey, Set<String>> confirmed = this.confirmations.factsOfOpenCases(keys);
		// the strikes of the accounts (appeals), in one question per batch
		Set<String> repeat = repeatInfringers(claimed);
		// hosted content is read through the operator's content source first, so that its
		// snapshot counts like an upload (issue 16); a proxied site is never read
		claimed.forEach((report) -> this.snapshots.take(report.id(), report.resolution(), report.urls()));
		// what the evidence holds (personal data, known content) counts for every service
		Map<Long, ContentFacts> content = this.content.factsOf(claimed.stream().map(Report::id).toList());
		// campaigns and authorities citing our own policy language (issue 15): facts the
		// policy matches, found before deciding
		Map<Long, Campaigns.Verdict> suspected = this.campaigns.suspect(claimed);
		List<Decisions.Request> requests = new ArrayList<>();
		for (Report report : claimed) {
			Campaigns.Verdict suspicion = suspected.getOrDefault(report.id(), Campaigns.Verdict.NONE);
			Set<String> facts = confirmed.getOrDefault(key(report), Set.of());
			boolean repeatInfringer = report.resolution().account() != null
					&& repeat.contains(report.resolution().account().ref());
			ContentFacts found = content.getOrDefault(report.id(), ContentFacts.NONE);
			for (Service service : report.resolution().services()) {
				requests.add(new Decisions.Request(report.id(), facts(report, service)
					.withConfirmed(facts.contains(Confirmations.PHISHING), facts.contains(Confirmations.MALWARE))
					.withRepeatInfringer(repeatInfringer)
					.withContent(found.personalDataKinds(), found.knownContentLists())
					.withSuspicions(suspicion.campaign(), suspicion.seniorReview())));
			}
		}
		List<Decision> made = this.decisions.decideAll(requests);
		Map<Long, List<Decision>> byReport = new LinkedHashMap<>();
		claimed.forEach((report) -> byReport.put(report.id(), new ArrayList<>()));
		made.forEach((decision) -> byReport.get(decision.reportId()).add(decision));

		// a report every decision of which denies is denied with the first one's reason;
		// otherwise the decisions that act decide its case and its messages
		Map<Long, Decision> denials = new LinkedHashMap<>();
		List<Report> accepted = new ArrayList<>(claimed.size());
		for (Report report : claimed) {
			List<Decision> decided = byReport.get(report.id());
			if (!decided.isEmpty() && decided.stream().allMatch(ReportRouter::denies)) {
				denials.put(report.id(), decided.get(0));
			}
			else {
				accepted.add(report);
			}
		}
		List<AuditLog.Append> appends = new ArrayList<>();
		List<ReportsDecided.DeniedReport> denied = deny(claimed, byReport, denials, appends);

		// floods against one target (issue 15): what would be forwarded automatically may
		// be held for a person
		Set<Long> forwarding = new HashSet<>();
		for (Report report : accepted) {
			if (acting(byReport.get(report.id())).stream()
				.anyMatch((decision) -> decision.plan().notifications().contains(NotificationKind.FORWARD_TO_HOST)
						|| decision.plan().notifications().contains(NotificationKind.NOTIFY_OWNER))) {
				forwarding.add(report.id());
			}
		}
		Map<Long, Campaigns.Verdict> verdicts = accepted.isEmpty() ? Map.of()
				: this.campaigns.assess(accepted, suspected, forwarding);
		List<CaseRepository.Attach> attaches = new ArrayList<>(accepted.size());
		for (Report report : accepted) {
			List<Decision> decided = acting(byReport.get(report.id()));
			Campaigns.Verdict verdict = verdicts.getOrDefault(report.id(), Campaigns.Verdict.NONE);
			boolean held = verdict.holdForwarding() && forwarding.contains(report.id());
			boolean needsReview = held || verdict.campaign() || verdict.seniorReview()
					|| decided.stream().anyMatch((decision) -> decision.plan().needsReview());
			Priority priority = decided.stream()
				.map((decision) -> decision.plan().priority())
				.min(Comparator.naturalOrder())
				.orElse(Priority.P3);
			Duration dueIn = decided.stream()
				.map((decision) -> decision.plan().dueIn())
				.min(Duration::compareTo)
				.orElse(Duration.ofHours(72));
			Resolution resolution = report.resolution();
			attaches.add(new CaseRepository.Attach(report.id(), resolution.propertyId(), resolution.property(),
					resolution.account().ref(), report.type().wire(), needsReview, priority,
					needsReview ? Instant.now().plus(dueIn) : null, queueFacts(decided)));
		}
		Map<Long, CaseRepository.Attachment> attachments = attaches.isEmpty() ? Map.of()
				: this.cases.attachAll(attaches);
		this.reports.markAllAccepted(accepted.stream().map(Report::id).toList());

		List<ReportDecided> decided = new ArrayList<>(accepted.size());
		Set<Long> announced = new HashSet<>();
		Set<Long> flagged = new HashSet<>();
		for (int i = 0; i < accepted.size(); i++) {
			Report report = accepted.get(i);
			List<Decision> decisions = byReport.get(report.id());
			CaseRepository.Attachment attachment = attachments.get(report.id());
			decisions.forEach((decision) -> appends
				.add(new AuditLog.Append(report.stream(), "system", "report.decided", decidedFacts(decision))));
			String caseStream = "case:" + attachment.caseId();
			if (attachment.opened() && announced.add(attachment.caseId())) {
				Resolution resolution = report.resolution();
				appends.add(new AuditLog.Append(caseStream, "system", "case.opened",
						Map.of("property", resolution.property(), "account_ref", resolution.account().ref(),
								"report_type", report.type().wire())));
			}
			if (attachment.reopenedFrom() != null && announced.add(attachment.caseId())) {
				// a report that needs review joined a forwarded or actioned case: back to
				// the queue (its mitigations stay in force meanwhile)
				appends.add(new AuditLog.Append(caseStream, "system", "case.reopened", Map.of("from",
						attachment.reopenedFrom().wire(), "to", CaseStatus.TRIAGE.wire(), "report_id", report.id())));
			}
			appends
				.add(new AuditLog.Append(caseStream, "system", "case.report_attached", Map.of("report_id", report.id(),
						"tracking_code", report.trackingCode(), "needs_review", attaches.get(i).needsReview())));
			Set<NotificationKind> notifications = EnumSet.noneOf(NotificationKind.class);
			acting(decisions).forEach((decision) -> notifications.addAll(decision.plan().notifications()));
			Campaigns.Verdict verdict = verdicts.getOrDefault(report.id(), Campaigns.Verdict.NONE);
			if (verdict.campaign() && flagged.add(attachment.caseId())
					&& this.campaigns.flag(attachment.caseId(), verdict.evidence())) {
				appends.add(new AuditLog.Append(caseStream, "system", "case.campaign_flagged",
						campaignFacts(verdict.evidence())));
			}
			if (verdict.holdForwarding() && forwarding.contains(report.id())) {
				notifications.remove(NotificationKind.FORWARD_TO_HOST);
				notifications.remove(NotificationKind.NOTIFY_OWNER);
				appends.add(new AuditLog.Append(report.stream(), "system", "report.forwarding_held", Map.of("case_id",
						attachment.caseId(), "reason", verdict.campaign() ? "campaign_suspected" : "target_budget")));
			}
			if (verdict.seniorReview()) {
				appends.add(new AuditLog.Append(caseStream, "system", "case.authority_cites_policy",
						Map.of("report_id", report.id(), "review", "senior")));
			}
			decided.add(new ReportDecided(report.accepted(), attachment.caseId(), notifications));
		}
		List<ProposalApproved> atOnce = actAtOnce(accepted, byReport, attachments, appends);
		this.audit.appendAll(appends);
		this.events.publishEvent(new ReportsDecided(decided, denied));
		// last: recording mitigations takes the change-sequence lock, held until commit
		atOnce.forEach(this.events::publishEvent);
		return List.copyOf(byReport.keySet());
	}

	/**
	 * The mitigations a policy takes without review (on a proxy, child sexual abuse
	 * material is removed from the network at once): recorded now as a plan the policy
	 * applied, on the URLs of the reports that call for them, and the case is
	 * {@code actioned}. A report any of whose decisions needs review acts only after it,
	 * like every other plan. Adds the audit entries to {@code appends}.
	 * @return the approvals to publish once everything else of the batch is written
	 */
	private List<ProposalApproved> actAtOnce(List<Report> accepted, Map<Long, List<Decision>> byReport,
			Map<Long, CaseRepository.Attachment> attachments, List<AuditLog.Append> appends) {
		Map<Long, Set<ProposedMitigation>> mitigations = new TreeMap<>();
		Map<Long, Set<String>> explanations = new TreeMap<>();
		Map<Long, List<Long>> reportIds = new TreeMap<>();
		for (Report report : accepted) {
			List<Decision> decided = acting(byReport.get(report.id()));
			if (decided.stream().anyMatch((decision) -> decision.plan().needsReview())) {
				continue;
			}
			List<ProposedMitigation> taken = decided.stream()
				.flatMap((decision) -> decision.plan().mitigations().stream())
				.filter((m) -> m.type() != MitigationType.EMERGENCY_BLOCK)
				.toList();
			if (taken.isEmpty()) {
				continue;
			}
			long caseId = attachments.get(report.id()).caseId();
			mitigations.computeIfAbsent(caseId, (id) -> new LinkedHashSet<>()).addAll(taken);
			decided.forEach((decision) -> explanations.computeIfAbsent(caseId, (id) -> new LinkedHashSet<>())
				.add(decision.plan().explanation()));
			reportIds.computeIfAbsent(caseId, (id) -> new ArrayList<>()).add(report.id());
		}
		List<ProposalApproved> approvals = new ArrayList<>(mitigations.size());
		mitigations.forEach((caseId, taken) -> {
			CasePlan plan = new CasePlan(List.copyOf(taken), Review.NONE, List.copyOf(explanations.get(caseId)),
					List.of());
			long proposalId = this.proposals.propose(caseId, plan, "system", "The policy acts at once, without review.",
					"applied");
			this.cases.moveTo(caseId, CaseStatus.ACTIONED);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("proposal_id", proposalId);
			details.put("mitigations", plan.mitigations().stream().map((m) -> m.type().wire()).toList());
			details.put("report_ids", reportIds.get(caseId));
			details.put("status", "actioned");
			appends.add(new AuditLog.Append("case:" + caseId, "system", "case.plan_applied", details));
			approvals
				.add(new ProposalApproved(caseId, proposalId, plan.mitigations(), "system", reportIds.get(caseId)));
		});
		return approvals;
	}

	/**
	 * Denies the reports whose every decision denies, with the reason of the first (in
	 * one statement per reason): they join no case, nothing is forwarded, and their
	 * reporters are owed the decision with its reason and redress. Adds the audit entries
	 * to {@code appends}.
	 */
	private List<ReportsDecided.DeniedReport> deny(List<Report> claimed, Map<Long, List<Decision>> byReport,
			Map<Long, Decision> denials, List<AuditLog.Append> appends) {
		if (denials.isEmpty()) {
			return List.of();
		}
		Map<DenialReason, List<Long>> byReason = new LinkedHashMap<>();
		denials.forEach((reportId,
				decision) -> byReason.computeIfAbsent(reason(decision), (reason) -> new ArrayList<>()).add(reportId));
		byReason.forEach((reason, ids) -> this.reports.markAllDenied(ids, reason));
		List<ReportsDecided.DeniedReport> denied = new ArrayList<>(denials.size());
		for (Report report : claimed) {
			Decision decision = denials.get(report.id());
			if (decision == null) {
				continue;
			}
			byReport.get(report.id())
				.forEach((each) -> appends
					.add(new AuditLog.Append(report.stream(), "system", "report.decided", decidedFacts(each))));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("denial_reason", decision.plan().denialReason());
			details.put("decision_id", decision.id());
			details.put("policy_version", decision.plan().policyVersion());
			details.put("rule", decision.plan().rule());
			appends.add(new AuditLog.Append(report.stream(), "system", "report.denied", details));
			denied.add(new ReportsDecided.DeniedReport(report.denied(decision.plan().denialReason()),
					decision.plan().explanation()));
		}
		return denied;
	}

	private Set<String> repeatInfringers(List<Report> claimed) {
		RepeatInfringers strikes = this.repeatInfringers.getIfAvailable();
		if (strikes == null) {
			return Set.of();
		}
		Set<String> accounts = new HashSet<>();
		claimed.stream()
			.map(Report::resolution)
			.filter((resolution) -> resolution.account() != null)
			.forEach((resolution) -> accounts.add(resolution.account().ref()));
		return accounts.isEmpty() ? Set.of() : strikes.among(accounts);
	}

	/**
	 * The key of the open case a report is attached to
	 * ({@link CaseRepository#attachAll}).
	 */
	private static ConfirmationRepository.CaseKey key(Report report) {
		return new ConfirmationRepository.CaseKey(report.resolution().propertyId(), report.type().wire());
	}

	private static boolean denies(Decision decision) {
		return decision.plan().denialReason() != null;
	}

	/** The decisions that act (do not deny); a denying one adds nothing to a case. */
	private static List<Decision> acting(List<Decision> decisions) {
		return decisions.stream().filter((decision) -> !denies(decision)).toList();
	}

	private static DenialReason reason(Decision decision) {
		return DenialReason.fromWire(decision.plan().denialReason())
			.orElseThrow(() -> new IllegalStateException("Rule " + decision.plan().rule() + " denies with "
					+ decision.plan().denialReason() + ", which is no denial reason"));
	}

	/**
	 * What the report establishes for one service. Facts intake does not establish
	 * (confirmations, strikes) come from case work, not from the report (confirmations
	 * are added by {@link #route}); absent bases are no basis to the policy. What the
	 * reporter stated counts: an order's jurisdiction and territory, a threat's
	 * imminence.
	 */
	private static DecisionFacts facts(Report report, Service service) {
		Resolution resolution = report.resolution();
		String reporterKind = report.reporter().kind().wire();
		return new DecisionFacts(service, report.type().wire(), reporterKind, report.detail("jurisdiction"),
				orderScope(report), resolution.account().atRisk(),
				resolution.origin() != null && resolution.origin().hostAbuseContact() != null, false, false,
				"trusted_flagger".equals(reporterKind), false, Boolean.TRUE.equals(report.details().get("imminent")),
				false);
	}

	private static Map<String, Object> decidedFacts(Decision decision) {
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
		return details;
	}

	private static Map<String, Object> campaignFacts(Campaigns.Evidence evidence) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("account_ref", evidence.accountRef());
		facts.put("reports", evidence.reports());
		facts.put("reporters", evidence.reporters());
		facts.put("near_identical", evidence.nearIdentical());
		facts.put("similarity_percent", (int) Math.round(evidence.similarity() * 100));
		facts.put("countries", evidence.countries());
		facts.put("since", evidence.since().toString());
		facts.put("token_reports", evidence.tokenReports());
		facts.put("tokens", evidence.tokens());
		facts.put("policy_version", evidence.policyVersion());
		return facts;
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
