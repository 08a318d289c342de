package org.abusedesk.transparency.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code statement_of_reasons} table (V140): the statements and their way to the
 * database. The statement itself is written once and never changed; only its submission
 * state moves.
 */
@Repository
class StatementStore {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	StatementStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A statement ready to go: one per statement in the database's batch.
	 *
	 * @param statement the JSON of the statement as stored
	 */
	record Waiting(long id, String puid, String statement, int attempts) {
	}

	/**
	 * Records a statement unless the mitigation has one of this kind already.
	 * @return whether it was recorded now
	 */
	boolean record(StatementFacts facts, String kind, String puid, Map<String, Object> statement, boolean inScope) {
		return this.jdbc
			.sql("""
					insert into statement_of_reasons (puid, mitigation_id, kind, case_id, mitigation_type, statement, status)
					values (:puid, :mitigation, :kind, :case, :type, cast(:statement as jsonb), :status)
					on conflict do nothing""")
			.param("puid", puid)
			.param("mitigation", facts.mitigationId())
			.param("kind", kind)
			.param("case", facts.caseId())
			.param("type", facts.type())
			.param("statement", this.json.writeValueAsString(statement))
			.param("status", inScope ? "waiting" : "outside_scope")
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} statements that are due (waiting, or held by a node
	 * whose lease ran out), oldest first, for {@code lease}. Commits at once in the
	 * caller's transaction.
	 */
	List<Waiting> claim(int limit, Duration lease) {
		return this.jdbc.sql("""
				update statement_of_reasons s set status = 'submitting', attempts = s.attempts + 1,
				    lease_until = now() + cast(:lease as interval)
				where s.id in (select id from statement_of_reasons
				    where (status = 'waiting' and next_attempt_at <= now())
				       or (status = 'submitting' and lease_until < now())
				    order by id limit :limit for update skip locked)
				returning s.id, s.puid, s.statement::text as statement, s.attempts""")
			.param("lease", lease.toSeconds() + " seconds")
			.param("limit", limit)
			.query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("puid"), rs.getString("statement"),
					rs.getInt("attempts")))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingLong(Waiting::id))
			.toList();
	}

	/** The database stored them (or had them already: the same puid). */
	void submitted(Map<String, String> uuidByPuid) {
		for (Map.Entry<String, String> entry : uuidByPuid.entrySet()) {
			this.jdbc.sql("""
					update statement_of_reasons set status = 'submitted', submitted_at = now(), lease_until = null,
					    last_error = null, database_uuid = coalesce(:uuid, database_uuid)
					where puid = :puid and status = 'submitting'""")
				.param("uuid", entry.getValue())
				.param("puid", entry.getKey())
				.update();
		}
	}

	/** Back to waiting, to be tried again at {@code next}. */
	void retry(List<Long> ids, Instant next, String error) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update statement_of_reasons set status = 'waiting', lease_until = null, next_attempt_at = :next,
				    last_error = :error
				where id in (:ids) and status = 'submitting'""")
			.param("next", Timestamp.from(next))
			.param("error", error)
			.param("ids", ids)
			.update();
	}

	/** The database refused this one statement; staff see why. */
	void refused(long id, String error) {
		this.jdbc.sql("""
				update statement_of_reasons set status = 'refused', lease_until = null, last_error = :error
				where id = :id and status = 'submitting'""").param("error", error).param("id", id).update();
	}

	/**
	 * A refused statement staff have looked at: waiting again (after a fix of the code
	 * that made it, or of the database's rules).
	 * @return whether it was refused and now waits
	 */
	boolean resubmit(long id) {
		return this.jdbc.sql("""
				update statement_of_reasons set status = 'waiting', next_attempt_at = now()
				where id = :id and status = 'refused'""").param("id", id).update() == 1;
	}

	/** A refused statement, with the database's answer. */
	record Refused(long id, String puid, long mitigationId, String mitigationType, String error, Instant createdAt) {
	}

	List<Refused> refused(int limit) {
		return this.jdbc.sql("""
				select id, puid, mitigation_id, mitigation_type, last_error, created_at from statement_of_reasons
				where status = 'refused' order by id limit :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Refused(rs.getLong("id"), rs.getString("puid"), rs.getLong("mitigation_id"),
					rs.getString("mitigation_type"), rs.getString("last_error"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The statements made in a period, oldest first, as their JSON text. */
	void forEachIn(Instant from, Instant to, java.util.function.Consumer<String> each) {
		this.jdbc.sql("""
				select statement::text from statement_of_reasons
				where created_at >= :from and created_at < :to order by id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs) -> {
				each.accept(rs.getString(1));
			});
	}

}
