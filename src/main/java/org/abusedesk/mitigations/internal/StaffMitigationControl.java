package org.abusedesk.mitigations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.mitigations.MitigationControl;
import org.abusedesk.mitigations.Mitigations.Mitigation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The console's mitigation control: the staff API's steps, and a filtered list. */
@Service
class StaffMitigationControl implements MitigationControl {

	private final StaffLifts lifts;

	private final JdbcClient jdbc;

	StaffMitigationControl(StaffLifts lifts, JdbcClient jdbc) {
		this.lifts = lifts;
		this.jdbc = jdbc;
	}

	@Override
	public List<Mitigation> search(Filter filter, int limit) {
		return this.jdbc.sql("""
				select * from mitigation
				where (cast(:status as text) is null and status in ('pending', 'active') or status = :status)
				  and (cast(:type as text) is null or type = :type)
				  and (cast(:account as text) is null or account_ref = :account)
				  and (not :due or review_at <= :now)
				order by review_at nulls last, id desc limit :limit""")
			.param("status", (filter.status() != null) ? filter.status().wire() : null)
			.param("type", filter.type())
			.param("account", filter.accountRef())
			.param("due", filter.reviewDue())
			.param("now", Timestamp.from(Instant.now()))
			.param("limit", Math.max(1, Math.min(limit, MAX_RESULTS)))
			.query(MitigationStore::map)
			.list();
	}

	@Override
	public Optional<Mitigation> lift(long id, String staff, boolean mayChangeProtected, String reason) {
		return this.lifts.lift(id, staff, mayChangeProtected, reason);
	}

	@Override
	public Optional<Mitigation> extend(long id, String staff, boolean mayChangeProtected, String expiresAt,
			String reason) {
		return this.lifts.extend(id, staff, mayChangeProtected, expiresAt, reason);
	}

	@Override
	public Optional<Mitigation> review(long id, String staff, boolean mayChangeProtected, String reviewAt,
			String reason) {
		return this.lifts.review(id, staff, mayChangeProtected, reviewAt, reason);
	}

}
