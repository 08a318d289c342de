package org.abusedesk.transparency.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the mitigations' changes into statements of reasons: one for each mitigation that
 * took effect, and one more for each that staff lifted (a restoration). Reads the
 * mitigations' change sequence from a cursor (V50: changes commit in the order of their
 * numbers, so none can appear below the cursor later); the cursor row is locked for the
 * scan, so that nodes scan one after the other, and a statement is unique per mitigation
 * and kind, so that none is made twice.
 */
@Component
class StatementScan {

	private static final String FACTS = """
			select m.id, m.case_id, m.type, m.entity_type, m.territorial_scope, m.status, m.effective_at, m.expires_at,
			    m.updated_at, m.change_seq, m.decision_ground, m.legal_ground, m.incompatible_ground,
			    c.report_type, c.services, r.first_report_at, coalesce(r.kinds, '{}') as kinds, r.jurisdiction,
			    r.legal_basis,
			    m.status = 'removed' and exists (select 1 from audit_entry a
			        where a.stream = 'case:' || m.case_id and a.action = 'mitigation.lifted'
			          and (strpos(a.details, '"mitigation_id":' || m.id || ',') > 0
			            or strpos(a.details, '"mitigation_id":' || m.id || '}') > 0)) as lifted
			from mitigation m
			join abuse_case c on c.id = m.case_id
			left join lateral (
			    select min(rep.received_at) as first_report_at, array_agg(distinct rep.reporter_kind) as kinds,
			        max(rep.details ->> 'jurisdiction') as jurisdiction, max(rep.details ->> 'legal_basis') as legal_basis
			    from case_report cr join report rep on rep.id = cr.report_id
			    where cr.case_id = m.case_id and rep.status <> 'denied') r on true
			""";

	private final JdbcClient jdbc;

	private final StatementComposer composer;

	private final StatementStore store;

	StatementScan(JdbcClient jdbc, StatementComposer composer, StatementStore store) {
		this.jdbc = jdbc;
		this.composer = composer;
		this.store = store;
	}

	/**
	 * Reads up to {@code limit} mitigation changes after the cursor and records the
	 * statements they call for.
	 * @return how many changes were read (less than {@code limit}: none are left)
	 */
	@Transactional
	int scan(int limit) {
		long cursor = this.jdbc
			.sql("select position from transparency_cursor where name = 'mitigation_changes' for update")
			.query(Long.class)
			.single();
		List<Row> changes = this.jdbc.sql(FACTS + " where m.change_seq > :cursor order by m.change_seq limit :limit")
			.param("cursor", cursor)
			.param("limit", limit)
			.query(StatementScan::row)
			.list();
		for (Row change : changes) {
			StatementFacts facts = change.facts();
			if (!facts.tookEffect()) {
				continue;
			}
			Map<String, Object> restriction = this.composer.restriction(facts);
			boolean inScope = !Territories.of(facts.territorialScope()).isEmpty();
			this.store.record(facts, "restriction", this.composer.puid(facts, "restriction"), restriction, inScope);
			if (facts.lifted()) {
				this.store.record(facts, "restoration", this.composer.puid(facts, "restoration"),
						this.composer.restoration(facts), inScope);
			}
		}
		if (!changes.isEmpty()) {
			this.jdbc.sql("update transparency_cursor set position = :position where name = 'mitigation_changes'")
				.param("position", changes.get(changes.size() - 1).changeSeq())
				.update();
		}
		return changes.size();
	}

	/**
	 * The facts of one mitigation as they are now (in the caller's transaction: a
	 * mitigation not yet committed is seen by the transaction that makes it).
	 */
	java.util.Optional<StatementFacts> facts(long mitigationId) {
		return this.jdbc.sql(FACTS + " where m.id = :id")
			.param("id", mitigationId)
			.query(StatementScan::row)
			.optional()
			.map(Row::facts);
	}

	/**
	 * The facts of mitigations {@code ids} as they are now, in one query (in the caller's
	 * transaction, like {@link #facts(long)}); none for an id without a mitigation.
	 */
	List<StatementFacts> facts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(FACTS + " where m.id = any(:ids)")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query(StatementScan::row)
			.list()
			.stream()
			.map(Row::facts)
			.toList();
	}

	/** Reads every change there is now. */
	void scanAll() {
		while (scan(500) == 500) {
			// a full page: there may be more
		}
	}

	private record Row(StatementFacts facts, long changeSeq) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		StatementFacts facts = new StatementFacts(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"),
				rs.getString("entity_type"), strings(rs.getArray("territorial_scope")), rs.getString("status"),
				instant(rs.getTimestamp("effective_at")), instant(rs.getTimestamp("expires_at")),
				instant(rs.getTimestamp("updated_at")), rs.getString("decision_ground"), rs.getString("legal_ground"),
				rs.getString("incompatible_ground"), rs.getString("report_type"), strings(rs.getArray("services")),
				instant(rs.getTimestamp("first_report_at")), strings(rs.getArray("kinds")),
				rs.getString("jurisdiction"), rs.getString("legal_basis"), rs.getBoolean("lifted"));
		return new Row(facts, rs.getLong("change_seq"));
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray())
			.filter(java.util.Objects::nonNull)
			.map(Object::toString)
			.toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
