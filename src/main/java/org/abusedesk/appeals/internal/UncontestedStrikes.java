package org.abusedesk.appeals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mitigation nobody appealed within its appeal window is a confirmed violation: the
 * account gets a strike ({@code uncontested}, DSA Art. 23), as it does for a mitigation
 * upheld on appeal. Only mitigations that took effect count (not one cancelled before),
 * and none with an appeal: an open appeal is decided by a person, whose decision records
 * the strike or not. Any number of nodes may run it at once: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and a mitigation has at most one customer strike (a
 * unique index), so each is counted once.
 */
@Service
class UncontestedStrikes {

	private record Due(long mitigationId, long caseId, String accountRef, String reportType) {
	}

	private final JdbcClient jdbc;

	private final AppealWindow window;

	private final Strikes strikes;

	UncontestedStrikes(JdbcClient jdbc, AppealWindow window, Strikes strikes) {
		this.jdbc = jdbc;
		this.window = window;
		this.strikes = strikes;
	}

	/**
	 * @param now the instant the windows are compared with (the job's clock)
	 * @param limit how many mitigations to look at in this call
	 * @return how many mitigations were looked at (at most {@code limit})
	 */
	@Transactional
	public int recordDue(Instant now, int limit) {
		List<Due> due = this.jdbc.sql("""
				select m.id, m.case_id, c.account_ref, c.report_type
				from mitigation m join abuse_case c on c.id = m.case_id
				where m.created_at <= :closed and m.status in ('active', 'removed')
				  and not exists (select 1 from strike s where s.mitigation_id = m.id and s.party = 'customer')
				  and not exists (select 1 from appeal a where a.mitigation_id = m.id)
				order by m.id
				limit :limit
				for update of m skip locked""")
			.param("closed", Timestamp.from(this.window.closedFor(now)))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("case_id"), rs.getString("account_ref"),
					rs.getString("report_type")))
			.list();
		for (Due mitigation : due) {
			this.strikes.customerStrike(mitigation.accountRef(), mitigation.reportType(), mitigation.caseId(),
					mitigation.mitigationId(), null, "uncontested", "system");
		}
		return due.size();
	}

}
