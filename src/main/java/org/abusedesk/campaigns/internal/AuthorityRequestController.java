package org.abusedesk.campaigns.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests from authorities, counted per account, country and kind (issue 15): what the
 * account view shows staff, and what the transparency report lists.
 */
@RestController
class AuthorityRequestController {

	/**
	 * One count.
	 *
	 * @param accountRef the account targeted
	 * @param country the requesting authority's country, where known
	 * @param reporterKind {@code government} or {@code law_enforcement}
	 * @param requests how many requests
	 * @param citingPolicy how many of them cite the provider's own policy language (sent
	 * to a senior reviewer)
	 * @param atRisk whether the account is protected as at risk
	 */
	record Count(String accountRef, String country, String reporterKind, int requests, int citingPolicy,
			boolean atRisk) {
	}

	private final JdbcClient jdbc;

	AuthorityRequestController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts, for one account or all of them. */
	@GetMapping("/api/v1/authority-requests")
	List<Count> counts(@RequestParam(required = false) String account) {
		return this.jdbc.sql("""
				select account_ref, country, reporter_kind, count(*) as requests,
				    count(*) filter (where cites_policy) as citing, bool_or(at_risk) as at_risk
				from authority_request
				where cast(:account as text) is null or account_ref = :account
				group by account_ref, country, reporter_kind
				order by account_ref, country nulls last, reporter_kind limit 10000""")
			.param("account", account)
			.query((rs, n) -> new Count(rs.getString("account_ref"), rs.getString("country"),
					rs.getString("reporter_kind"), rs.getInt("requests"), rs.getInt("citing"),
					rs.getBoolean("at_risk")))
			.list();
	}

}
