package org.abusedesk.mitigations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.MitigationReviewDue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code mitigation} table. Every change follows one order within its transaction:
 * claim the rows, append to the audit log, change the rows, queue the webhooks. The row
 * change takes the change-sequence lock (see V50), and taking it last means a transaction
 * never waits for anything while holding it.
 */
@Repository
class MitigationStore implements Mitigations {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MitigationWebhooks webhooks;

	private final ApplicationEventPublisher events;

	private final Duration defaultReviewAfter;

	private final CustomerNotices notices;

	MitigationStore(JdbcClient jdbc, AuditLog audit, MitigationWebhooks webhooks, ApplicationEventPublisher events,
			CustomerNotices notices, MitigationProperties properties) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.audit = audit;
		this.webhooks = webhooks;
		this.events = events;
		this.defaultReviewAfter = properties.mitigations().defaultReviewAfter();
	}

	@Override
	@Transactional
	public Mitigation create(NewMitigation decided) {
		// none without an expiry sits unreviewed for ever
		NewMitigation mitigation = (decided.expiresAt() == null && decided.reviewAt() == null)
				? new NewMitigation(decided.caseId(), decided.type(), decided.entityType(), decided.territorialScope(),
						decided.effectiveAt(), null, decided.effectiveAt().plus(this.defaultReviewAfter),
						decided.actor(), decided.basis(), decided.target(), decided.explanation())
				: decided;
		boolean active = !mitigation.effectiveAt().isAfter(Instant.now());
		MitigationStatus status = active ? MitigationStatus.ACTIVE : MitigationStatus.PENDING;
		CaseRef ref = this.jdbc.sql("select account_ref, property from abuse_case where id = :case")
			.param("case", mitigation.caseId())
			.query((rs, n) -> new CaseRef(rs.getString("account_ref"), rs.getString("property")))
			.optional()
			.orElse(new CaseRef(null, null));
		String target = target(mitigation, ref);
		Object legalBasis = mitigation.basis().get("legal_basis");
		StatementOfReasons statement = StatementOfReasons.of(mitigation.type(), UrlTargets.describe(target),
				mitigation.territorialScope(), (legalBasis != null) ? legalBasis.toString() : null,
				mitigation.explanation());
		long id = this.jdbc.sql("select nextval('mitigation_id_seq')").query(Long.class).single();
		Map<String, Object> details = new LinkedHashMap<>(mitigation.basis());
		details.put("mitigation_id", id);
		details.put("type", mitigation.type());
		details.put("entity_type", mitigation.entityType());
		details.put("target", target);
		details.put("territorial_scope", mitigation.territorialScope());
		details.put("status", status.wire());
		details.put("effective_at", mitigation.effectiveAt());
		details.put("expires_at", mitigation.expiresAt());
		details.put("review_at", mitigation.reviewAt());
		details.put("decision_ground", statement.decisionGround());
		this.audit.append("case:" + mitigation.caseId(), mitigation.actor(),
				active ? "mitigation.activated" : "mitigation.created", details);
		this.jdbc.sql("""
				insert into mitigation (id, case_id, type, entity_type, territorial_scope, status, effective_at,
				    expires_at, review_at, account_ref, property, target, statement, decision_ground, legal_ground,
				    incompatible_ground)
				values (:id, :case, :type, :entityType, cast(:scope as text[]), :status, :effective, :expires, :review,
				    :account, :property, :value, :statement, :ground, :legal, :incompatible)""")
			.param("id", id)
			.param("case", mitigation.caseId())
			.param("type", mitigation.type())
			.param("entityType", mitigation.entityType())
			.param("scope", "{" + String.join(",", mitigation.territorialScope()) + "}")
			.param("status", status.wire())
			.param("effective", Timestamp.from(mitigation.effectiveAt()))
			.param("expires", timestamp(mitigation.expiresAt()))
			.param("review", timestamp(mitigation.reviewAt()))
			.param("account", ref.accountRef())
			.param("property", ref.property())
			.param("value", target)
			.param("statement", statement.text())
			.param("ground", statement.decisionGround())
			.param("legal", statement.legalGround())
			.param("incompatible", statement.incompatibleGround())
			.update();
		Mitigation created = find(id).orElseThrow();
		this.webhooks.changed(created, active ? "mitigation.activated" : "mitigation.created");
		this.notices.changed(created, active ? CustomerNotices.Change.EFFECTIVE : CustomerNotices.Change.PROPOSED);
		return created;
	}

	/**
	 * What the mitigation applies to: a {@code url_pattern} names its URL target itself
	 * (never the whole property); a {@code zone} is the case's property and an
	 * {@code account} the case's account unless the caller names one.
	 */
	private static String target(NewMitigation mitigation, CaseRef ref) {
		String given = mitigation.target();
		String value = switch (mitigation.entityType()) {
			case "url_pattern" -> {
				if (given == null || given.isBlank()) {
					throw new IllegalArgumentException(
							"A url_pattern mitigation names the URLs it applies to, never the whole property.");
				}
				yield given;
			}
			case "zone" -> (given != null) ? given : ref.property();
			case "account" -> (given != null) ? given : ref.accountRef();
			default -> throw new IllegalArgumentException("Unknown entity type " + mitigation.entityType());
		};
		if (value == null) {
			throw new IllegalArgumentException("Case " + mitigation.caseId() + " has no " + mitigation.entityType());
		}
		return value;
	}

	@Override
	public List<Mitigation> ofCase(long caseId) {
		return this.jdbc.sql("select * from mitigation where case_id = :case order by id")
			.param("case", caseId)
			.query(MitigationStore::map)
			.list();
	}

	@Override
	public Optional<Mitigation> find(long id) {
		return this.jdbc.sql("select * from mitigation where id = :id")
			.param("id", id)
			.query(MitigationStore::map)
			.optional();
	}

	@Override
	public List<Mitigation> ofAccount(String accountRef, int limit, long beforeId) {
		return this.jdbc.sql("""
				select * from mitigation where account_ref = :account and id < :before
				order by id desc limit :limit""")
			.param("account", accountRef)
			.param("before", beforeId)
			.param("limit", limit)
			.query(MitigationStore::map)
			.list();
	}

	/**
	 * The changes after {@code cursor}, in the order they were made (and committed: see
	 * V50), every status included so that an edge can drop what is no longer active.
	 */
	List<Mitigation> changesAfter(long cursor, int limit) {
		return this.jdbc.sql("select * from mitigation where change_seq > :cursor order by change_seq limit :limit")
			.param("cursor", cursor)
			.param("limit", limit)
			.query(MitigationStore::map)
			.list();
	}

	@Override
	@Transactional
	public int activateDue(Instant now, int limit) {
		List<long[]> due = this.jdbc.sql("""
				select id, case_id from mitigation
				where status = 'pending' and effective_at <= :now
				order by effective_at, id limit :limit
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("case_id") })
			.list();
		return transition(due, MitigationStatus.ACTIVE, "mitigation.activated", "system", Map.of());
	}

	@Override
	@Transactional
	public int expireDue(Instant now, int limit) {
		List<long[]> expired = this.jdbc.sql("""
				select id, case_id from mitigation
				where status in ('pending', 'active') and expires_at <= :now
				order by expires_at, id limit :limit
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("case_id") })
			.list();
		return transition(expired, MitigationStatus.REMOVED, "mitigation.expired", "system", Map.of());
	}

	@Override
	@Transactional
	public int queueDueReviews(Instant now, int limit) {
		List<Mitigation> due = this.jdbc.sql("""
				select * from mitigation m
				where m.status in ('pending', 'active') and m.review_at <= :now
				  and not exists (select 1 from mitigation_review_due d
				      where d.mitigation_id = m.id and d.review_at = m.review_at)
				order by m.review_at, m.id limit :limit
				for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(MitigationStore::map)
			.list();
		List<AuditLog.Append> appends = new ArrayList<>(due.size());
		for (Mitigation mitigation : due) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("mitigation_id", mitigation.id());
			details.put("status", mitigation.status().wire());
			details.put("review_at", mitigation.reviewAt());
			appends.add(new AuditLog.Append("case:" + mitigation.caseId(), "system", "mitigation.review_due", details));
		}
		this.audit.appendAll(appends);
		for (Mitigation mitigation : due) {
			this.jdbc.sql("insert into mitigation_review_due (mitigation_id, review_at) values (:id, :review)")
				.param("id", mitigation.id())
				.param("review", Timestamp.from(mitigation.reviewAt()))
				.update();
			this.events
				.publishEvent(new MitigationReviewDue(mitigation.caseId(), mitigation.id(), mitigation.reviewAt()));
		}
		return due.size();
	}

	/**
	 * The pending and active mitigations, earliest review date first (those without one
	 * last); with {@code reviewDue} only those whose review date is at or before
	 * {@code now}.
	 */
	List<Mitigation> inForce(Instant now, boolean reviewDue, int limit) {
		return this.jdbc.sql("""
				select * from mitigation where status in ('pending', 'active')
				  and (not :due or review_at <= :now)
				order by review_at nulls last, id limit :limit""")
			.param("due", reviewDue)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(MitigationStore::map)
			.list();
	}

	/**
	 * Sets a claimed mitigation's expiry ({@code expires_at}) or review date
	 * ({@code review_at}): audit first, then the row change, then (for the expiry, which
	 * the edge sees) the webhooks.
	 */
	Mitigation reschedule(Mitigation mitigation, String column, Instant value, String action, String actor,
			Map<String, Object> facts) {
		if (!List.of("expires_at", "review_at").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		Map<String, Object> details = new LinkedHashMap<>(facts);
		details.put("mitigation_id", mitigation.id());
		details.put("status", mitigation.status().wire());
		this.audit.append("case:" + mitigation.caseId(), actor, action, details);
		this.jdbc.sql("update mitigation set " + column + " = :value where id = :id")
			.param("value", Timestamp.from(value))
			.param("id", mitigation.id())
			.update();
		Mitigation changed = find(mitigation.id()).orElseThrow();
		if ("expires_at".equals(column)) {
			this.webhooks.changed(changed, action);
		}
		return changed;
	}

	@Override
	@Transactional
	public Optional<Mitigation> lift(long id, String actor, boolean mayChangeProtected, String action,
			Map<String, Object> facts) {
		Optional<Mitigation> found = lock(id);
		if (found.isEmpty() || found.get().status().ended()) {
			return found;
		}
		Mitigation mitigation = found.get();
		if (!mayChangeProtected && staysUntilStaffDecide(mitigation)) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.FORBIDDEN,
					"A legal block, an emergency block or a CSAM removal is lifted by a senior, legal or admin.");
		}
		Map<String, Object> details = new LinkedHashMap<>(facts);
		details.put("previous_status", mitigation.status().wire());
		transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }), mitigation.status().lifted(), action,
				actor, details);
		return find(id);
	}

	@Override
	public Optional<Mitigation> reviewRequested(String accountRef, long id, Map<String, Object> facts) {
		Optional<Mitigation> found = lockOfAccount(id, accountRef);
		if (found.isEmpty()) {
			return found;
		}
		Mitigation mitigation = found.get();
		if (!MitigationStatus.REVIEWABLE.contains(mitigation.status())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This mitigation is " + mitigation.status().wire()
					+ "; a review can be requested while it is pending or active.");
		}
		Map<String, Object> details = new LinkedHashMap<>(facts);
		if (mitigation.status() == MitigationStatus.PENDING && !staysUntilStaffDecide(mitigation)) {
			transition(List.of(new long[] { mitigation.id(), mitigation.caseId() }), MitigationStatus.CANCELLED,
					"mitigation.cancelled", "customer", details);
		}
		else {
			// recorded, not applied: the mitigation stays as it is until staff decide
			details.put("mitigation_id", mitigation.id());
			details.put("status", mitigation.status().wire());
			this.audit.append("case:" + mitigation.caseId(), "customer", "mitigation.review_requested", details);
		}
		return find(mitigation.id());
	}

	/**
	 * Locks one customer's mitigation for a change, or empty when it is not theirs (so
	 * that another account's id looks like no id at all).
	 */
	Optional<Mitigation> lockOfAccount(long id, String accountRef) {
		return this.jdbc.sql("select * from mitigation where id = :id and account_ref = :account for update")
			.param("id", id)
			.param("account", accountRef)
			.query(MitigationStore::map)
			.optional();
	}

	/** Locks one mitigation for a change by staff. */
	Optional<Mitigation> lock(long id) {
		return this.jdbc.sql("select * from mitigation where id = :id for update")
			.param("id", id)
			.query(MitigationStore::map)
			.optional();
	}

	/**
	 * Whether only staff may end the mitigation: a legal block, an emergency block, or
	 * any mitigation of a case about child sexual abuse material. A customer's review
	 * request never withdraws these, not even while they are pending.
	 */
	boolean staysUntilStaffDecide(Mitigation mitigation) {
		if (List.of("legal_block", "emergency_block").contains(mitigation.type())) {
			return true;
		}
		return this.jdbc.sql("select report_type from abuse_case where id = :case")
			.param("case", mitigation.caseId())
			.query(String.class)
			.optional()
			.map("children"::equals)
			.orElse(false);
	}

	/**
	 * Moves claimed rows to {@code status}: audit first, then the row change, then the
	 * webhooks (see the class comment for why in this order).
	 */
	int transition(List<long[]> rows, MitigationStatus status, String action, String actor, Map<String, Object> facts) {
		// in one call: the case streams' heads are locked in the order of their names, as
		// the router locks them, so that the two never wait for each other in a cycle
		List<AuditLog.Append> appends = new ArrayList<>(rows.size());
		for (long[] row : rows) {
			Map<String, Object> details = new LinkedHashMap<>(facts);
			details.put("mitigation_id", row[0]);
			details.put("status", status.wire());
			appends.add(new AuditLog.Append("case:" + row[1], actor, action, details));
		}
		this.audit.appendAll(appends);
		for (long[] row : rows) {
			this.jdbc.sql("update mitigation set status = :status where id = :id")
				.param("status", status.wire())
				.param("id", row[0])
				.update();
		}
		for (long[] row : rows) {
			Mitigation changed = find(row[0]).orElseThrow();
			this.webhooks.changed(changed, action);
			switch (status) {
				case ACTIVE -> this.notices.changed(changed, CustomerNotices.Change.EFFECTIVE);
				case REMOVED, CANCELLED -> this.notices.changed(changed, CustomerNotices.Change.LIFTED);
				default -> {
				}
			}
		}
		return rows.size();
	}

	private record CaseRef(String accountRef, String property) {
	}

	static Mitigation map(ResultSet rs, int row) throws SQLException {
		return new Mitigation(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"),
				rs.getString("entity_type"), List.of((String[]) rs.getArray("territorial_scope").getArray()),
				MitigationStatus.fromWire(rs.getString("status")).orElseThrow(),
				instant(rs.getTimestamp("effective_at")), instant(rs.getTimestamp("expires_at")),
				instant(rs.getTimestamp("review_at")), instant(rs.getTimestamp("created_at")),
				rs.getString("account_ref"), rs.getString("target"), rs.getString("statement"),
				rs.getString("decision_ground"), instant(rs.getTimestamp("updated_at")), rs.getLong("change_seq"));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
