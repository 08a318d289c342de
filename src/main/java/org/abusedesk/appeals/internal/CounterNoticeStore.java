package org.abusedesk.appeals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code counter_notice} table. */
@Repository
class CounterNoticeStore {

	private final JdbcClient jdbc;

	CounterNoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new counter-notice; empty when the mitigation has one already. */
	Optional<Long> insert(long caseId, long mitigationId, String accountRef, CounterNoticeForm form, Instant filedAt,
			Instant restoreAt) {
		return this.jdbc.sql("""
				insert into counter_notice (case_id, mitigation_id, account_ref, signature, material, location,
				    good_faith, name, address, phone, jurisdiction, filed_at, restore_at)
				values (:case, :mitigation, :account, :signature, :material, :location, :perjury, :name, :address,
				    :phone, :jurisdiction, :filed, :restore)
				on conflict (mitigation_id) do nothing
				returning id""")
			.param("case", caseId)
			.param("mitigation", mitigationId)
			.param("account", accountRef)
			.param("signature", form.signature())
			.param("material", form.material())
			.param("location", form.location())
			.param("perjury", CounterNoticeForm.PERJURY)
			.param("name", form.name())
			.param("address", form.address())
			.param("phone", form.phone())
			.param("jurisdiction", CounterNoticeForm.JURISDICTION)
			.param("filed", Timestamp.from(filedAt))
			.param("restore", Timestamp.from(restoreAt))
			.query(Long.class)
			.optional();
	}

	Optional<CounterNotice> find(long id) {
		return this.jdbc.sql("select * from counter_notice where id = :id")
			.param("id", id)
			.query(CounterNoticeStore::map)
			.optional();
	}

	/** The counter-notices waiting for their restoration, the one due first first. */
	List<CounterNotice> waiting(int limit) {
		return this.jdbc
			.sql("select * from counter_notice where status = 'waiting' order by restore_at, id limit :limit")
			.param("limit", limit)
			.query(CounterNoticeStore::map)
			.list();
	}

	/** The waiting counter-notices of a case, locked. */
	List<CounterNotice> lockWaiting(long caseId) {
		return this.jdbc.sql("""
				select * from counter_notice where case_id = :case and status = 'waiting' order by id for update""")
			.param("case", caseId)
			.query(CounterNoticeStore::map)
			.list();
	}

	/**
	 * Claims up to {@code limit} waiting counter-notices due at {@code now}, skipping
	 * those another transaction holds, and marks them restored: a second node finds them
	 * taken or no longer waiting.
	 */
	List<CounterNotice> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				update counter_notice set status = 'restored', restored_at = now()
				where id in (select id from counter_notice
				    where status = 'waiting' and restore_at <= :now
				    order by restore_at, id limit :limit
				    for update skip locked)
				returning *""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(CounterNoticeStore::map)
			.list();
	}

	void actionFiled(long id, String reference) {
		this.jdbc
			.sql("""
					update counter_notice set status = 'action_filed', action_filed_at = now(), action_reference = :reference
					where id = :id and status = 'waiting'""")
			.param("reference", reference)
			.param("id", id)
			.update();
	}

	private static CounterNotice map(ResultSet rs, int row) throws SQLException {
		CounterNoticeForm form = new CounterNoticeForm(rs.getString("signature"), rs.getString("material"),
				rs.getString("location"), true, rs.getString("name"), rs.getString("address"), rs.getString("phone"),
				true);
		return new CounterNotice(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("mitigation_id"),
				rs.getString("account_ref"), form, rs.getString("status"), instant(rs.getTimestamp("filed_at")),
				instant(rs.getTimestamp("restore_at")), instant(rs.getTimestamp("restored_at")),
				instant(rs.getTimestamp("action_filed_at")), rs.getString("action_reference"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
