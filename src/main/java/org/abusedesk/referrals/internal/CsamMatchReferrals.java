package org.abusedesk.referrals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.ReportDecided;
import org.abusedesk.cases.ReportsDecided;
import org.abusedesk.content.ReportContent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A file on a list of child sexual abuse material (issue 16) drafts the case's
 * CyberTipline report with the file's hashes and the list it matched, awaiting staff
 * confirmation: the report leaves only when a person has looked at the material and
 * confirmed it ({@code csam_confirmed}, {@link NcmecReports}), so that NCMEC is told the
 * provider viewed the file. One draft per case, whatever the number of matches; in the
 * routing transaction.
 */
@Component
class CsamMatchReferrals {

	static final String AWAITING = "awaiting_confirmation";

	private final ReportContent content;

	private final ReferralStore store;

	private final ReferralProperties properties;

	private final AuditLog audit;

	CsamMatchReferrals(ReportContent content, ReferralStore store, ReferralProperties properties, AuditLog audit) {
		this.content = content;
		this.store = store;
		this.properties = properties;
		this.audit = audit;
	}

	@EventListener
	void on(ReportsDecided batch) {
		if (batch.decided().isEmpty()) {
			return;
		}
		Map<Long, Long> caseOfReport = new LinkedHashMap<>();
		batch.decided().forEach((decided) -> caseOfReport.put(decided.reportId(), decided.caseId()));
		List<ReportContent.CsamMatch> matches = this.content.csamMatches(caseOfReport.keySet());
		Map<Long, List<ReportContent.CsamMatch>> byCase = new LinkedHashMap<>();
		matches.forEach((match) -> byCase.computeIfAbsent(caseOfReport.get(match.reportId()), (id) -> new ArrayList<>())
			.add(match));
		byCase.forEach(this::draft);
	}

	private void draft(long caseId, List<ReportContent.CsamMatch> matches) {
		Set<String> lines = new LinkedHashSet<>();
		matches.forEach((match) -> lines.add("file " + match.evidenceId() + " (sha256 " + match.sha256() + ") on list "
				+ match.list() + " (" + match.source() + ") by " + match.algorithm() + " " + match.hash()
				+ ((match.distance() > 0) ? " at distance " + match.distance() : "")));
		String basis = "known_content_match: " + String.join("; ", lines);
		this.store
			.recordAwaiting(new ReferralStore.NewReferral(caseId, "ncmec_referral", "NCMEC", "US", "ncmec_api",
					this.properties.ncmec().url(), basis, "system", ""))
			.ifPresent((referralId) -> {
				List<Long> files = matches.stream().map(ReportContent.CsamMatch::evidenceId).distinct().toList();
				this.store.addFiles(referralId, files);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("referral_id", referralId);
				details.put("kind", "ncmec_referral");
				details.put("authority", "NCMEC");
				details.put("status", AWAITING);
				details.put("files", files.size());
				details.put("lists", matches.stream().map(ReportContent.CsamMatch::list).distinct().toList());
				this.audit.append("case:" + caseId, "system", "referral.recorded", details);
			});
	}

}
