package org.abusedesk.intake.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.Report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of submitted reports waiting for a decision: the router claims them
 * ({@code for update skip locked}), counts them, and marks them accepted or denied.
 */
@Repository
class SubmittedQueue {

	private final JdbcClient jdbc;

	private final ReportLookup lookup;

	SubmittedQueue(JdbcClient jdbc, ReportLookup lookup) {
		this.jdbc = jdbc;
		this.lookup = lookup;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	List<Long> claimSubmitted(int limit, Collection<Long> except) {
		return this.jdbc.sql("""
				select id from report where status = 'submitted' and held_for is null and id <> all(:except)
				order by id limit :limit for update skip locked""")
			.param("limit", limit)
			.param("except", except.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Report> claim(long id) {
		boolean claimed = this.jdbc.sql(
				"select id from report where id = :id and status = 'submitted' and held_for is null for update skip locked")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
		return claimed ? this.lookup.find(id) : Optional.empty();
	}

	int countSubmitted(int atMost) {
		return this.jdbc.sql(
				"select count(*) from (select 1 from report where status = 'submitted' and held_for is null limit :limit) waiting")
			.param("limit", atMost)
			.query(Integer.class)
			.single();
	}

	int markAllAccepted(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update report set status = 'accepted', decided_at = now()
				where id = any(:ids) and status = 'submitted'""").param("ids", ids.toArray(Long[]::new)).update();
	}

	List<Long> markAllDenied(Collection<Long> ids, DenialReason reason) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Long> changed = new ArrayList<>(this.jdbc.sql("""
				update report set status = 'denied', denial_reason = :reason, decided_at = now()
				where id = any(:ids) and status <> 'denied'
				returning id""")
			.param("reason", reason.wire())
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
		Collections.sort(changed);
		return changed;
	}

}
