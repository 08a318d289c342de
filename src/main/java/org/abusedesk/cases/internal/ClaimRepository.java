package org.abusedesk.cases.internal;

import java.time.Duration;
import java.util.Optional;

import org.abusedesk.cases.CaseWork.Claim;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims on cases. One row per case; an insert that meets a live claim of someone else
 * changes nothing, so the database, not a node's memory, decides who holds a case.
 */
@Repository
class ClaimRepository {

	private final JdbcClient jdbc;

	ClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims for {@code who} when the case is unclaimed, the claim lapsed, it is already
	 * theirs, or {@code force}; empty otherwise.
	 */
	Optional<Claim> claim(long caseId, String who, Duration duration, boolean force) {
		return this.jdbc.sql("""
				insert into case_claim (case_id, staff_user, claimed_at, expires_at)
				values (:case, :who, now(), now() + cast(:seconds || ' seconds' as interval))
				on conflict (case_id) do update
				    set staff_user = excluded.staff_user, claimed_at = excluded.claimed_at,
				        expires_at = excluded.expires_at
				    where case_claim.expires_at < now() or case_claim.staff_user = excluded.staff_user or :force
				returning case_id, staff_user, expires_at""")
			.param("case", caseId)
			.param("who", who)
			.param("seconds", Long.toString(duration.toSeconds()))
			.param("force", force)
			.query((rs, n) -> new Claim(rs.getLong("case_id"), rs.getString("staff_user"),
					rs.getTimestamp("expires_at").toInstant(), true))
			.optional();
	}

	/** The live claim on a case, or empty. */
	Optional<Claim> holder(long caseId, String viewer) {
		return this.jdbc
			.sql("select case_id, staff_user, expires_at from case_claim where case_id = :case and expires_at > now()")
			.param("case", caseId)
			.query((rs, n) -> new Claim(rs.getLong("case_id"), rs.getString("staff_user"),
					rs.getTimestamp("expires_at").toInstant(), rs.getString("staff_user").equals(viewer)))
			.optional();
	}

	/**
	 * @return whether {@code who} held a claim on the case
	 */
	boolean release(long caseId, String who) {
		return this.jdbc.sql("delete from case_claim where case_id = :case and staff_user = :who")
			.param("case", caseId)
			.param("who", who)
			.update() == 1;
	}

}
