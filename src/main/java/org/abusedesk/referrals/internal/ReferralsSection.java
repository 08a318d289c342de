package org.abusedesk.referrals.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.ReportSection;
import org.abusedesk.transparency.TransparencyReport.Section;
import org.abusedesk.transparency.TransparencyReport.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transparency report's section on referrals and campaigns: CyberTipline reports to
 * NCMEC made and submitted in the period, law-enforcement referrals (DSA Art. 18) by the
 * country concerned ({@code unknown} when it went to Europol) and how far they got
 * ({@code queued}: handed to the outbox by email or webhook), the emergency blocks that
 * took effect, and the cases flagged as campaigns against one customer.
 */
@Component
class ReferralsSection implements ReportSection {

	private final JdbcClient jdbc;

	ReferralsSection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public Section compute(Period period) {
		long[] n = new long[5];
		this.jdbc.sql("""
				select
				    (select count(*) from referral where kind = 'ncmec_referral'
				        and status <> 'awaiting_confirmation' and created_at >= :from and created_at < :to),
				    (select count(*) from referral where kind = 'ncmec_referral' and status = 'submitted'
				        and submitted_at >= :from and submitted_at < :to),
				    (select count(*) from mitigation where type = 'emergency_block' and status in ('active', 'removed')
				        and effective_at >= :from and effective_at < :to),
				    (select count(*) from case_campaign where flagged_at >= :from and flagged_at < :to),
				    (select coalesce(sum(reports), 0) from case_campaign where flagged_at >= :from and flagged_at < :to)
				""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				for (int i = 0; i < n.length; i++) {
					n[i] = rs.getLong(i + 1);
				}
			});
		List<List<Object>> lawEnforcement = new ArrayList<>();
		this.jdbc.sql("""
				select coalesce(country, 'unknown') as country, count(*) as n,
				    count(*) filter (where status = 'queued') as queued,
				    count(*) filter (where status = 'submitted') as submitted,
				    count(*) filter (where status = 'failed') as failed
				from referral where kind = 'law_enforcement_referral' and created_at >= :from and created_at < :to
				group by 1 order by 1""")
			.param("from", Timestamp.from(period.from()))
			.param("to", Timestamp.from(period.to()))
			.query((rs) -> {
				lawEnforcement.add(List.of(rs.getString("country"), rs.getLong("n"), rs.getLong("queued"),
						rs.getLong("submitted"), rs.getLong("failed")));
			});
		return new Section("referrals", "Referrals and campaigns",
				List.of(new Table("ncmec", "CyberTipline reports to NCMEC", List.of("ncmec_reports", "count"),
						List.of(List.of("made", n[0]), List.of("submitted", n[1]))),
						new Table("law_enforcement_by_country", "Law-enforcement referrals, by country",
								List.of("country", "count", "queued", "submitted", "failed"), lawEnforcement),
						new Table("emergency_blocks", "Emergency blocks (imminent threat to life)",
								List.of("emergency_blocks", "count"), List.of(List.of("all", n[2]))),
						new Table("campaigns", "Campaigns flagged against one customer", List.of("campaigns", "count"),
								List.of(List.of("flagged", n[3]), List.of("reports_in_flagged", n[4])))));
	}

}
