package org.abusedesk.cases.internal;

import java.util.List;

import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.cases.EmergencyApprovals;
import org.abusedesk.access.Role;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The console's list of emergencies awaiting approval, and its answers to them. */
@Service
class EmergencyApprovalQueue implements EmergencyApprovals {

	/** Who may answer an emergency, as over the API. */
	private static final Role[] APPROVERS = { Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN };

	private static final int LIMIT = 200;

	private final JdbcClient jdbc;

	private final Emergencies emergencies;

	EmergencyApprovalQueue(JdbcClient jdbc, Emergencies emergencies) {
		this.jdbc = jdbc;
		this.emergencies = emergencies;
	}

	@Override
	public List<Awaiting> awaiting() {
		return this.jdbc.sql("""
				select e.id, e.case_id, c.property, c.account_ref, c.report_type, e.declared_by, e.justification,
				       e.declared_at,
				       array(select a.approver from case_approval a
				             where a.emergency_id = e.id and a.decision = 'approve' order by a.decided_at) approvers
				from case_emergency e join abuse_case c on c.id = e.case_id
				where e.status = 'awaiting_approval' order by e.declared_at, e.id limit :limit""")
			.param("limit", LIMIT)
			.query((rs, n) -> new Awaiting(rs.getLong("id"), rs.getLong("case_id"), rs.getString("property"),
					rs.getString("account_ref"), rs.getString("report_type"), rs.getString("declared_by"),
					rs.getString("justification"), rs.getTimestamp("declared_at").toInstant(),
					List.of((String[]) rs.getArray("approvers").getArray()),
					this.emergencies.emergencyBlocks(rs.getLong("case_id"))))
			.list();
	}

	@Override
	public String answer(long caseId, Actor actor, boolean approve, String reason) {
		if (actor == null || !actor.isAny(APPROVERS)) {
			throw new CaseWorkException(CaseWorkException.Kind.FORBIDDEN,
					"A reviewer, senior, legal or admin approves an emergency.");
		}
		try {
			return this.emergencies.answer(caseId, actor.name(), approve ? "approve" : "refuse", reason).status();
		}
		catch (InvalidInputException ex) {
			throw new CaseWorkException(CaseWorkException.Kind.INVALID, ex.errors().get(0).message());
		}
		catch (ResponseStatusException ex) {
			throw new CaseWorkException(switch (ex.getStatusCode().value()) {
				case 403 -> CaseWorkException.Kind.FORBIDDEN;
				case 404 -> CaseWorkException.Kind.NOT_FOUND;
				default -> CaseWorkException.Kind.CONFLICT;
			}, ex.getReason());
		}
	}

}
