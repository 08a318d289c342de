package org.abusedesk.referrals.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.CaseConfirmed;
import org.abusedesk.intake.Report;
import org.abusedesk.intake.Reports;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A children case that staff confirm ({@code csam_confirmed}) produces one CyberTipline
 * report, with the case's evidence files, for the connector ({@link NcmecDispatcher}),
 * and puts the case's evidence on a preservation hold. Listens synchronously, so both
 * commit with the confirmation or not at all; a second confirmation of the same case
 * makes no second report, and a report drafted from a CSAM-list match
 * ({@link CsamMatchReferrals}) is the one that is sent.
 */
@Component
class NcmecReports {

	static final String CSAM = "csam_confirmed";

	private final ReferralStore store;

	private final CaseEvidence evidence;

	private final Reports reports;

	private final PreservationHolds holds;

	private final ReferralProperties properties;

	private final AuditLog audit;

	NcmecReports(ReferralStore store, CaseEvidence evidence, Reports reports, PreservationHolds holds,
			ReferralProperties properties, AuditLog audit) {
		this.store = store;
		this.evidence = evidence;
		this.reports = reports;
		this.holds = holds;
		this.properties = properties;
		this.audit = audit;
	}

	@EventListener
	void on(CaseConfirmed confirmed) {
		if (!CSAM.equals(confirmed.fact()) || confirmed.reportIds().isEmpty()) {
			return;
		}
		this.holds.hold(confirmed.caseId(), confirmed.reportIds(), CSAM, confirmed.actor());
		List<Report> caseReports = this.reports.findAll(confirmed.reportIds());
		String xml = CyberTiplineReport.of(this.properties.ncmec(), confirmed.caseId(), caseReports, Instant.now());
		ReferralStore.NewReferral referral = new ReferralStore.NewReferral(confirmed.caseId(), "ncmec_referral",
				"NCMEC", "US", "ncmec_api", this.properties.ncmec().url(), "csam_confirmed: " + confirmed.checked(),
				confirmed.actor(), xml);
		// a report drafted from a CSAM-list match is the one sent: never a second
		this.store.confirmAwaiting(referral).or(() -> this.store.record(referral)).ifPresent((referralId) -> {
			List<CaseEvidence.File> files = this.evidence.ofReports(confirmed.reportIds());
			this.store.addFiles(referralId, files.stream().map(CaseEvidence.File::id).toList());
			this.audit.append("case:" + confirmed.caseId(), confirmed.actor(), "referral.recorded", Map
				.of("referral_id", referralId, "kind", "ncmec_referral", "authority", "NCMEC", "files", files.size()));
		});
	}

}
