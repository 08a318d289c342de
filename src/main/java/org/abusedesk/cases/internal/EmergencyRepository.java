package org.abusedesk.cases.internal;

import java.util.Optional;

import org.abusedesk.cases.CaseStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EmergencyRepository {

	record Emergency(long id, long caseId, String declaredBy, String status) {
	}

	private final JdbcClient jdbc;

	EmergencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a declaration; empty when the case already has an emergency awaiting
	 * approval.
	 */
	Optional<Long> declare(long caseId, String declaredBy, String justification) {
		try {
			return Optional.of(this.jdbc.sql("""
					insert into case_emergency (case_id, declared_by, justification)
					values (:case, :by, :justification) returning id""")
				.param("case", caseId)
				.param("by", declaredBy)
				.param("justification", justification)
				.query(Long.class)
				.single());
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	/** The case's emergency awaiting approval, locked until the transaction ends. */
	Optional<Emergency> lockOpen(long caseId) {
		return this.jdbc.sql("""
				select id, case_id, declared_by, status from case_emergency
				where case_id = :case and status = 'awaiting_approval' for update""")
			.param("case", caseId)
			.query((rs, row) -> new Emergency(rs.getLong("id"), rs.getLong("case_id"), rs.getString("declared_by"),
					rs.getString("status")))
			.optional();
	}

	/** Records one person's answer; false when that person already answered. */
	boolean answer(long emergencyId, String approver, String decision, String reason) {
		return this.jdbc.sql("""
				insert into case_approval (emergency_id, approver, decision, reason)
				values (:emergency, :approver, :decision, :reason) on conflict do nothing""")
			.param("emergency", emergencyId)
			.param("approver", approver)
			.param("decision", decision)
			.param("reason", reason)
			.update() == 1;
	}

	int approvals(long emergencyId) {
		return this.jdbc
			.sql("select count(*) from case_approval where emergency_id = :emergency and decision = 'approve'")
			.param("emergency", emergencyId)
			.query(Integer.class)
			.single();
	}

	void close(long emergencyId, String status) {
		this.jdbc.sql("update case_emergency set status = :status, decided_at = now() where id = :id")
			.param("status", status)
			.param("id", emergencyId)
			.update();
	}

	/**
	 * Locks a case's row until the transaction ends; false when there is no such case.
	 */
	boolean lockCase(long caseId) {
		return lockCaseStatus(caseId).isPresent();
	}

	/** Locks the case row; answers its status, or empty when there is no such case. */
	Optional<CaseStatus> lockCaseStatus(long caseId) {
		return this.jdbc.sql("select status from abuse_case where id = :id for update")
			.param("id", caseId)
			.query((rs, n) -> CaseStatus.fromWire(rs.getString("status")).orElseThrow())
			.optional();
	}

}
