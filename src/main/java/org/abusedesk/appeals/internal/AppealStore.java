package org.abusedesk.appeals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.appeals.AppealReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code appeal} table. */
@Repository
class AppealStore {

	private final JdbcClient jdbc;

	AppealStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new appeal; empty when one is open for the same decision and party already. */
	Optional<Long> insert(Appeal appeal) {
		return this.jdbc.sql("""
				insert into appeal (party, decision_ref, case_id, mitigation_id, report_id, account_ref, decision_at,
				    reason, statement, evidence, due_at)
				values (:party, :ref, :case, :mitigation, :report, :account, :decisionAt, :reason, :statement,
				    :evidence, :due)
				on conflict (decision_ref, party) where status = 'open' do nothing
				returning id""")
			.param("party", appeal.party())
			.param("ref", appeal.decisionRef())
			.param("case", appeal.caseId())
			.param("mitigation", appeal.mitigationId())
			.param("report", appeal.reportId())
			.param("account", appeal.accountRef())
			.param("decisionAt", Timestamp.from(appeal.decisionAt()))
			.param("reason", appeal.reason().wire())
			.param("statement", appeal.statement())
			.param("evidence", appeal.evidence())
			.param("due", Timestamp.from(appeal.dueAt()))
			.query(Long.class)
			.optional();
	}

	void caseSeq(long id, long seq) {
		this.jdbc.sql("update appeal set case_seq = :seq where id = :id").param("seq", seq).param("id", id).update();
	}

	long caseSeq(long id) {
		return this.jdbc.sql("select case_seq from appeal where id = :id").param("id", id).query(Long.class).single();
	}

	Optional<Appeal> find(long id) {
		return this.jdbc.sql("select * from appeal where id = :id").param("id", id).query(AppealStore::map).optional();
	}

	Optional<Appeal> lock(long id) {
		return this.jdbc.sql("select * from appeal where id = :id for update")
			.param("id", id)
			.query(AppealStore::map)
			.optional();
	}

	/** The open appeals, the one due first first. */
	List<Appeal> open(int limit) {
		return this.jdbc.sql("select * from appeal where status = 'open' order by due_at, id limit :limit")
			.param("limit", limit)
			.query(AppealStore::map)
			.list();
	}

	List<Appeal> ofCase(long caseId) {
		return this.jdbc.sql("select * from appeal where case_id = :case order by id")
			.param("case", caseId)
			.query(AppealStore::map)
			.list();
	}

	List<Appeal> ofAccount(String accountRef, int limit) {
		return this.jdbc.sql(
				"select * from appeal where account_ref = :account and party = 'customer' order by id desc limit :limit")
			.param("account", accountRef)
			.param("limit", limit)
			.query(AppealStore::map)
			.list();
	}

	int openOnCase(long caseId) {
		return this.jdbc.sql("select count(*) from appeal where case_id = :case and status = 'open'")
			.param("case", caseId)
			.query(Integer.class)
			.single();
	}

	void decide(long id, String staff, String outcome, String reason) {
		this.jdbc.sql("""
				update appeal set status = 'decided', decided_at = now(), decided_by = :staff, outcome = :outcome,
				    outcome_reason = :reason
				where id = :id and status = 'open'""")
			.param("staff", staff)
			.param("outcome", outcome)
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	private static Appeal map(ResultSet rs, int row) throws SQLException {
		return new Appeal(rs.getLong("id"), rs.getString("party"), rs.getString("decision_ref"),
				(Long) rs.getObject("case_id", Long.class), (Long) rs.getObject("mitigation_id", Long.class),
				(Long) rs.getObject("report_id", Long.class), rs.getString("account_ref"),
				instant(rs.getTimestamp("decision_at")), AppealReason.fromWire(rs.getString("reason")).orElseThrow(),
				rs.getString("statement"), rs.getString("evidence"), rs.getString("status"),
				instant(rs.getTimestamp("filed_at")), instant(rs.getTimestamp("due_at")),
				instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"), rs.getString("outcome"),
				rs.getString("outcome_reason"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
