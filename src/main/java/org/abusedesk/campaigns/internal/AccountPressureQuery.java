package org.abusedesk.campaigns.internal;

import java.util.List;

import org.abusedesk.campaigns.AccountPressure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link AccountPressure} on {@code authority_request} and {@code case_campaign}: two
 * statements, each bounded (countries and kinds are few; campaigns are capped).
 */
@Component
class AccountPressureQuery implements AccountPressure {

	private final JdbcClient jdbc;

	AccountPressureQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Summary of(String accountRef) {
		List<AuthorityCount> requests = this.jdbc.sql("""
				select country, reporter_kind, count(*) as requests, count(*) filter (where cites_policy) as citing,
				    min(received_at) as first, max(received_at) as last
				from authority_request where account_ref = :account
				group by country, reporter_kind
				order by country nulls last, reporter_kind limit 1000""")
			.param("account", accountRef)
			.query((rs, n) -> new AuthorityCount(rs.getString("country"), rs.getString("reporter_kind"),
					rs.getInt("requests"), rs.getInt("citing"), rs.getTimestamp("first").toInstant(),
					rs.getTimestamp("last").toInstant()))
			.list();
		List<FlaggedCampaign> campaigns = this.jdbc.sql("""
				select * from case_campaign where account_ref = :account
				order by flagged_at desc, case_id desc limit :limit""")
			.param("account", accountRef)
			.param("limit", MAX_CAMPAIGNS)
			.query((rs, n) -> new FlaggedCampaign(rs.getLong("case_id"), CampaignWatch.evidence(rs),
					rs.getTimestamp("flagged_at").toInstant()))
			.list();
		return new Summary(accountRef, requests, campaigns);
	}

}
