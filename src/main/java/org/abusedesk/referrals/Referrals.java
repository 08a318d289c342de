package org.abusedesk.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Referrals of cases to NCMEC and to law enforcement (issue 15): what was referred, to
 * whom, on what basis, and how far it got.
 */
public interface Referrals {

	/** The referrals of one case, oldest first. */
	List<Referral> ofCase(long caseId);

	/**
	 * Every referral created in {@code [from, to)}, oldest first, at most {@code limit}.
	 */
	List<Referral> between(Instant from, Instant to, int limit);

	/** The report id NCMEC gave the case's CyberTipline report, once it has one. */
	default Optional<String> ncmecReportId(long caseId) {
		return ofCase(caseId).stream()
			.filter((referral) -> "ncmec_referral".equals(referral.kind()) && referral.externalId() != null)
			.map(Referral::externalId)
			.findFirst();
	}

	/**
	 * One referral.
	 *
	 * @param kind {@code ncmec_referral} or {@code law_enforcement_referral}
	 * @param authority who it went to (e.g. {@code NCMEC}, {@code Europol})
	 * @param country the ISO 3166 code of the country concerned, {@code null} when
	 * unknown
	 * @param channel {@code ncmec_api}, {@code smtp} or {@code webhook}
	 * @param basis why it was made
	 * @param status {@code pending}, {@code opened}, {@code queued}, {@code submitted} or
	 * {@code failed}
	 * @param externalId the authority's id for it (NCMEC's report id)
	 * @param content what was sent (the CyberTipline report XML or the message)
	 */
	record Referral(long id, long caseId, String kind, String authority, String country, String channel,
			String recipient, String basis, String requestedBy, String status, String externalId, Instant createdAt,
			Instant submittedAt, String content) {
	}

}
