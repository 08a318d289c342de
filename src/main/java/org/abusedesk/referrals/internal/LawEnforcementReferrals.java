package org.abusedesk.referrals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.notifications.Outbound;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.ReferralRecords;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.cases.ReportsDecided;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.referrals.Referrals;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Law-enforcement referrals (DSA Art. 18): a plan that calls for one (an emergency, or
 * any rule that names {@code law_enforcement_referral}), or staff referring a case,
 * records a referral to the authority configured for the country concerned (the one where
 * the threat is, as the report states it, else the reporter's; Europol when unknown) with
 * the facts, the content, the basis and the actions taken, and sends it through the
 * outbox by email or signed webhook. Listens synchronously, so the referral commits with
 * the decision that calls for it. A case is referred to one authority once.
 */
@Component
class LawEnforcementReferrals implements ReferralRecords {

	static final String KIND = "law_enforcement_referral";

	private final ReferralStore store;

	private final ReferralProperties properties;

	private final Outbound outbound;

	private final Mitigations mitigations;

	private final Reports reports;

	private final AuditLog audit;

	private final Decisions decisions;

	LawEnforcementReferrals(ReferralStore store, ReferralProperties properties, Outbound outbound,
			Mitigations mitigations, Reports reports, AuditLog audit, Decisions decisions) {
		this.decisions = decisions;
		this.store = store;
		this.properties = properties;
		this.outbound = outbound;
		this.mitigations = mitigations;
		this.reports = reports;
		this.audit = audit;
	}

	@EventListener
	void on(ReportDecided decided) {
		if (decided.notifications().contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL)) {
			refer(decided.caseId(), decided.report(), null, basis(decided.report().id()), "system");
		}
	}

	/**
	 * Why the plan refers the report: an emergency staff declared, or the rule that asks
	 * for it (a referral must not claim an emergency nobody declared).
	 */
	private String basis(long reportId) {
		List<Decision> referring = this.decisions.latestOfReport(reportId)
			.stream()
			.filter((decision) -> decision.plan().notifications().contains(NotificationKind.LAW_ENFORCEMENT_REFERRAL))
			.toList();
		if (referring.isEmpty() || referring.stream().anyMatch((decision) -> decision.facts().emergencyDeclared())) {
			return "The case's plan calls for a law-enforcement referral: our staff declared an emergency, "
					+ "an imminent threat to the life or safety of a person (DSA Art. 18).";
		}
		Decision first = referring.get(0);
		return "The case's plan calls for a law-enforcement referral (policy " + first.plan().policyVersion()
				+ ", rule " + first.plan().rule() + "): " + first.plan().explanation();
	}

	@EventListener
	void on(ReportsDecided batch) {
		batch.decided().forEach(this::on);
	}

	/**
	 * Staff refer a case.
	 * @param country the country concerned, or {@code null} to take it from the report
	 * @return the referral, or empty when the case was referred to that authority before
	 */
	Optional<Referrals.Referral> referCase(long caseId, String country, String basis, String actor) {
		Report report = this.store.firstReport(caseId).flatMap(this.reports::find).orElseThrow();
		return refer(caseId, report, country, "Referred by our staff: " + basis, actor).flatMap(this.store::find);
	}

	@Override
	public boolean lawEnforcementReferralRecorded(long caseId) {
		return this.store.lawEnforcementRecorded(caseId);
	}

	private Optional<Long> refer(long caseId, Report report, String givenCountry, String basis, String actor) {
		String country = (givenCountry != null) ? givenCountry : country(report);
		ReferralProperties.Authority authority = this.properties.authorityFor(country);
		boolean byWebhook = authority.email() == null && authority.webhook() != null
				&& this.outbound.webhookConfigured(authority.webhook());
		String channel = byWebhook ? "webhook" : "smtp";
		String recipient = byWebhook ? authority.webhook() : authority.email();
		String content = ReferralMessage.text(caseId, report, this.properties.hasAuthority(country) ? country : null,
				authority.name(), basis, this.mitigations.ofCase(caseId));
		Optional<Long> recorded = this.store.record(new ReferralStore.NewReferral(caseId, KIND, authority.name(),
				this.properties.hasAuthority(country) ? country.toUpperCase(java.util.Locale.ROOT) : null, channel,
				recipient, basis, actor, content));
		recorded.ifPresent((id) -> {
			String key = "referral:" + id;
			String status;
			String error = null;
			if (recipient == null) {
				status = "failed";
				error = "no email or webhook configured for " + authority.name();
			}
			else {
				if (byWebhook) {
					this.outbound.webhook(key, caseId, recipient, "referral.law_enforcement",
							ReferralMessage.json(id, caseId, report, authority.name(), basis, content));
				}
				else {
					this.outbound.queue(new Outbound.Message(key, KIND, report.id(), caseId, recipient,
							ReferralMessage.subject(caseId, report), content));
				}
				status = "queued";
			}
			this.store.setStatus(id, status, error);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("referral_id", id);
			details.put("kind", KIND);
			details.put("authority", authority.name());
			details.put("channel", channel);
			details.put("status", status);
			this.audit.append("case:" + caseId, actor, "referral.recorded", details);
		});
		return recorded;
	}

	/**
	 * The country concerned: where the report says the threat is (its jurisdiction), else
	 * the reporter's; {@code null} when unknown.
	 */
	private static String country(Report report) {
		List<String> candidates = new ArrayList<>();
		candidates.add(report.detail("jurisdiction"));
		candidates.add(report.reporter().country());
		return candidates.stream().filter((c) -> c != null && c.matches("[A-Za-z]{2}")).findFirst().orElse(null);
	}

}
