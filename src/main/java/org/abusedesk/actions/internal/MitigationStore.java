package org.abusedesk.actions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.abusedesk.actions.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.EmergencyApproved;
import org.abusedesk.policy.ProposedMitigation;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class MitigationStore implements Mitigations {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MitigationStore(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Takes the approved emergency blocks into effect, in the approving transaction. */
	@EventListener
	void on(EmergencyApproved approved) {
		Instant now = Instant.now();
		for (ProposedMitigation proposed : approved.mitigations()) {
			Instant effective = now.plus(proposed.effectiveAfter());
			Instant expires = (proposed.expiresAfter() != null) ? effective.plus(proposed.expiresAfter()) : null;
			Instant review = (proposed.reviewAfter() != null) ? effective.plus(proposed.reviewAfter()) : null;
			Map<String, Object> basis = new LinkedHashMap<>();
			basis.put("emergency_id", approved.emergencyId());
			create(new NewMitigation(approved.caseId(), proposed.type().wire(), proposed.target().wire(),
					proposed.territorialScope(), effective, expires, review, "system", basis));
		}
	}

	@Override
	@Transactional
	public Mitigation create(NewMitigation mitigation) {
		boolean active = !mitigation.effectiveAt().isAfter(Instant.now());
		long id = this.jdbc.sql("""
				insert into mitigation (case_id, type, target, territorial_scope, status, effective_at, expires_at,
				    review_at)
				values (:case, :type, :target, cast(:scope as text[]), :status, :effective, :expires, :review)
				returning id""")
			.param("case", mitigation.caseId())
			.param("type", mitigation.type())
			.param("target", mitigation.target())
			.param("scope", "{" + String.join(",", mitigation.territorialScope()) + "}")
			.param("status", active ? "active" : "pending")
			.param("effective", Timestamp.from(mitigation.effectiveAt()))
			.param("expires", (mitigation.expiresAt() != null) ? Timestamp.from(mitigation.expiresAt()) : null)
			.param("review", (mitigation.reviewAt() != null) ? Timestamp.from(mitigation.reviewAt()) : null)
			.query(Long.class)
			.single();
		Map<String, Object> details = new LinkedHashMap<>(mitigation.basis());
		details.put("mitigation_id", id);
		details.put("type", mitigation.type());
		details.put("target", mitigation.target());
		details.put("territorial_scope", mitigation.territorialScope());
		details.put("status", active ? "active" : "pending");
		details.put("effective_at", mitigation.effectiveAt());
		details.put("expires_at", mitigation.expiresAt());
		details.put("review_at", mitigation.reviewAt());
		this.audit.append("case:" + mitigation.caseId(), mitigation.actor(),
				active ? "mitigation.activated" : "mitigation.created", details);
		return ofCase(mitigation.caseId()).stream().filter((m) -> m.id() == id).findFirst().orElseThrow();
	}

	@Override
	public List<Mitigation> ofCase(long caseId) {
		return this.jdbc.sql("select * from mitigation where case_id = :case order by id")
			.param("case", caseId)
			.query((rs, row) -> new Mitigation(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"),
					rs.getString("target"), List.of((String[]) rs.getArray("territorial_scope").getArray()),
					rs.getString("status"), instant(rs.getTimestamp("effective_at")),
					instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("review_at")),
					instant(rs.getTimestamp("created_at"))))
			.list();
	}

	@Override
	@Transactional
	public int expireDue(Instant now, int limit) {
		List<long[]> expired = this.jdbc.sql("""
				with due as (
				    select id from mitigation
				    where status in ('pending', 'active') and expires_at <= :now
				    order by expires_at limit :limit
				    for update skip locked)
				update mitigation m set status = 'removed' from due where m.id = due.id
				returning m.id, m.case_id""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("case_id") })
			.list();
		for (long[] row : expired) {
			this.audit.append("case:" + row[1], "system", "mitigation.expired", Map.of("mitigation_id", row[0]));
		}
		return expired.size();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
