package org.abusedesk.referrals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.abusedesk.referrals.Referrals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referral table. A CyberTipline report is worked step by step by whichever node
 * claims it ({@code for update skip locked}, with a lease); every step is recorded only
 * while the claim is still this node's, so two nodes never both act on one report.
 */
@Repository
class ReferralStore implements Referrals {

	/** A referral to record. */
	record NewReferral(long caseId, String kind, String authority, String country, String channel, String recipient,
			String basis, String requestedBy, String content) {
	}

	/** A claimed CyberTipline report's file. */
	record FileRow(long evidenceId, String fileId, boolean detailsSent) {
	}

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a referral unless the case was referred to that authority before. */
	Optional<Long> record(NewReferral referral) {
		return insert(referral, "pending");
	}

	/**
	 * Records a CyberTipline report drafted from a CSAM-list match, awaiting staff
	 * confirmation (the connector leaves it alone), unless the case has one already.
	 */
	Optional<Long> recordAwaiting(NewReferral referral) {
		return insert(referral, "awaiting_confirmation");
	}

	private Optional<Long> insert(NewReferral referral, String status) {
		return this.jdbc.sql("""
				insert into referral (case_id, kind, authority, country, channel, recipient, basis, requested_by,
				    content, status)
				values (:case, :kind, :authority, :country, :channel, :recipient, :basis, :by, :content, :status)
				on conflict (case_id, kind, authority) do nothing returning id""")
			.param("case", referral.caseId())
			.param("kind", referral.kind())
			.param("authority", referral.authority())
			.param("country", referral.country())
			.param("channel", referral.channel())
			.param("recipient", referral.recipient())
			.param("basis", referral.basis())
			.param("by", referral.requestedBy())
			.param("content", referral.content())
			.param("status", status)
			.query(Long.class)
			.optional();
	}

	/**
	 * Staff confirmed the material of a case whose report was drafted from a match: the
	 * draft becomes the report to send, its basis both the match and the confirmation.
	 * @return the referral, when there was a draft
	 */
	Optional<Long> confirmAwaiting(NewReferral referral) {
		return this.jdbc.sql("""
				update referral set status = 'pending', basis = :basis || '; ' || basis, requested_by = :by,
				    content = :content, next_attempt_at = now()
				where case_id = :case and kind = :kind and authority = :authority and status = 'awaiting_confirmation'
				returning id""")
			.param("case", referral.caseId())
			.param("kind", referral.kind())
			.param("authority", referral.authority())
			.param("basis", referral.basis())
			.param("by", referral.requestedBy())
			.param("content", referral.content())
			.query(Long.class)
			.optional();
	}

	void addFiles(long referralId, List<Long> evidenceIds) {
		for (long evidenceId : evidenceIds) {
			this.jdbc.sql("insert into referral_file (referral_id, evidence_id) values (:r, :e) on conflict do nothing")
				.param("r", referralId)
				.param("e", evidenceId)
				.update();
		}
	}

	void setStatus(long id, String status, String error) {
		this.jdbc.sql("update referral set status = :status, last_error = :error where id = :id")
			.param("status", status)
			.param("error", error)
			.param("id", id)
			.update();
	}

	/**
	 * Claims up to {@code limit} due CyberTipline reports for {@code node}: those no node
	 * holds, or whose holder's lease ran out. Commits with the caller.
	 */
	List<Referrals.Referral> claimDue(String node, int limit, Duration lease) {
		return this.jdbc.sql("""
				update referral set claimed_by = :node, lease_until = now() + make_interval(secs => :lease),
				    attempts = attempts + 1
				where id in (
				    select id from referral
				    where channel = 'ncmec_api' and status in ('pending', 'opened') and next_attempt_at <= now()
				      and (lease_until is null or lease_until < now())
				    order by id limit :limit
				    for update skip locked)
				returning *""")
			.param("node", node)
			.param("lease", lease.toSeconds())
			.param("limit", limit)
			.query(ReferralStore::map)
			.list();
	}

	/** Records NCMEC's report id; false when this node no longer holds the claim. */
	boolean opened(long id, String node, String reportId) {
		return this.jdbc.sql("""
				update referral set status = 'opened', external_id = :report
				where id = :id and claimed_by = :node and lease_until > now() and external_id is null""")
			.param("id", id)
			.param("node", node)
			.param("report", reportId)
			.update() == 1;
	}

	List<FileRow> files(long referralId) {
		return this.jdbc.sql("""
				select evidence_id, file_id, details_sent from referral_file where referral_id = :r
				order by evidence_id""")
			.param("r", referralId)
			.query((rs, n) -> new FileRow(rs.getLong("evidence_id"), rs.getString("file_id"),
					rs.getBoolean("details_sent")))
			.list();
	}

	boolean uploaded(long referralId, String node, long evidenceId, String fileId) {
		return this.jdbc.sql("""
				update referral_file f set file_id = :file from referral r
				where f.referral_id = :r and f.evidence_id = :e and f.file_id is null
				  and r.id = f.referral_id and r.claimed_by = :node and r.lease_until > now()""")
			.param("r", referralId)
			.param("e", evidenceId)
			.param("file", fileId)
			.param("node", node)
			.update() == 1;
	}

	boolean detailsSent(long referralId, String node, long evidenceId) {
		return this.jdbc.sql("""
				update referral_file f set details_sent = true from referral r
				where f.referral_id = :r and f.evidence_id = :e
				  and r.id = f.referral_id and r.claimed_by = :node and r.lease_until > now()""")
			.param("r", referralId)
			.param("e", evidenceId)
			.param("node", node)
			.update() == 1;
	}

	boolean finished(long id, String node) {
		return this.jdbc.sql("""
				update referral set status = 'submitted', submitted_at = now(), claimed_by = null, lease_until = null,
				    last_error = null
				where id = :id and claimed_by = :node and lease_until > now()""")
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	/** Gives the claim back, to be tried again after {@code retryIn}, or gives up. */
	void failed(long id, String node, String error, Duration retryIn, boolean giveUp) {
		this.jdbc.sql("""
				update referral set claimed_by = null, lease_until = null, last_error = :error,
				    next_attempt_at = now() + make_interval(secs => :retry),
				    status = case when cast(:giveUp as boolean) then 'failed' else status end
				where id = :id and claimed_by = :node""")
			.param("id", id)
			.param("node", node)
			.param("error", error)
			.param("retry", retryIn.toSeconds())
			.param("giveUp", giveUp)
			.update();
	}

	/** Whether a law-enforcement referral of the case is recorded and has not failed. */
	boolean lawEnforcementRecorded(long caseId) {
		return this.jdbc.sql("""
				select exists (select 1 from referral where case_id = :case and kind = 'law_enforcement_referral'
				    and status <> 'failed')""").param("case", caseId).query(Boolean.class).single();
	}

	/** The first report of a case (referrals name the case through it), if any. */
	Optional<Long> firstReport(long caseId) {
		return this.jdbc.sql("select min(report_id) from case_report where case_id = :case")
			.param("case", caseId)
			.query(Long.class)
			.optional();
	}

	/** The reports of a case. */
	List<Long> reports(long caseId) {
		return this.jdbc.sql("select report_id from case_report where case_id = :case order by report_id")
			.param("case", caseId)
			.query(Long.class)
			.list();
	}

	@Override
	public List<Referral> ofCase(long caseId) {
		return this.jdbc.sql("select * from referral where case_id = :case order by id")
			.param("case", caseId)
			.query(ReferralStore::map)
			.list();
	}

	@Override
	public List<Referral> between(Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select * from referral where created_at >= :from and created_at < :to order by id limit :limit""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(ReferralStore::map)
			.list();
	}

	int attempts(long id) {
		return this.jdbc.sql("select attempts from referral where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	Optional<Referral> find(long id) {
		return this.jdbc.sql("select * from referral where id = :id")
			.param("id", id)
			.query(ReferralStore::map)
			.optional();
	}

	private static Referral map(ResultSet rs, int row) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new Referral(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"), rs.getString("authority"),
				rs.getString("country"), rs.getString("channel"), rs.getString("recipient"), rs.getString("basis"),
				rs.getString("requested_by"), rs.getString("status"), rs.getString("external_id"),
				rs.getTimestamp("created_at").toInstant(), (submitted != null) ? submitted.toInstant() : null,
				rs.getString("content"));
	}

}
