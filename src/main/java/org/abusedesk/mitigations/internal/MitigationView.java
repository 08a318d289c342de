package org.abusedesk.mitigations.internal;

import java.time.Instant;
import java.util.List;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations.Mitigation;

/**
 * A mitigation as the edge sees it, in the active list and in webhooks. An edge enforces
 * what is {@code active} and drops anything else it holds under the same id.
 *
 * @param entityType {@code url_pattern}, {@code zone} or {@code account}
 * @param target the URL pattern, zone or account ref
 * @param interstitialPath for a phishing interstitial, the warning page to serve
 * @param changeSeq the change number, the cursor of the active list
 */
record MitigationView(long id, long caseId, String type, String entityType, String target, String accountRef,
		List<String> territorialScope, MitigationStatus status, Instant effectiveAt, Instant expiresAt,
		String interstitialPath, long changeSeq, Instant updatedAt) {

	static MitigationView of(Mitigation mitigation) {
		String interstitial = "phishing_interstitial".equals(mitigation.type()) ? "/interstitial/" + mitigation.id()
				: null;
		return new MitigationView(mitigation.id(), mitigation.caseId(), mitigation.type(), mitigation.entityType(),
				mitigation.target(), mitigation.accountRef(), mitigation.territorialScope(), mitigation.status(),
				mitigation.effectiveAt(), mitigation.expiresAt(), interstitial, mitigation.changeSeq(),
				mitigation.updatedAt());
	}

}
