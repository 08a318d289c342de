package org.abusedesk.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * The pressure on one account, for staff (issue 15): the requests of authorities
 * ({@code government}, {@code law_enforcement}) that targeted it, per country and kind,
 * and the campaigns flagged on its cases.
 */
public interface AccountPressure {

	/** At most this many campaigns are listed, the newest first. */
	int MAX_CAMPAIGNS = 50;

	/**
	 * The requests and campaigns against the account; empty lists when there are none.
	 */
	Summary of(String accountRef);

	/**
	 * @param accountRef the account
	 * @param requests the authorities' requests, per country (nulls last) and kind
	 * @param campaigns the campaigns flagged on its cases, newest first, at most
	 * {@link #MAX_CAMPAIGNS}
	 */
	record Summary(String accountRef, List<AuthorityCount> requests, List<FlaggedCampaign> campaigns) {

		public Summary {
			requests = List.copyOf(requests);
			campaigns = List.copyOf(campaigns);
		}

		/** All requests, whatever their country and kind. */
		public int totalRequests() {
			return this.requests.stream().mapToInt(AuthorityCount::requests).sum();
		}

	}

	/**
	 * @param country the requesting authority's country (ISO 3166), or {@code null} when
	 * unknown
	 * @param reporterKind {@code government} or {@code law_enforcement}
	 * @param requests how many requests
	 * @param citingPolicy how many of them cited the provider's own policy language
	 * @param first the first request's time
	 * @param last the last request's time
	 */
	record AuthorityCount(String country, String reporterKind, int requests, int citingPolicy, Instant first,
			Instant last) {
	}

	/**
	 * @param caseId the case that holds the campaign
	 * @param evidence how it shows
	 * @param flaggedAt when it was first flagged
	 */
	record FlaggedCampaign(long caseId, Campaigns.Evidence evidence, Instant flaggedAt) {
	}

}
