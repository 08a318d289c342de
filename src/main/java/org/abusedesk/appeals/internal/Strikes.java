package org.abusedesk.appeals.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.RepeatInfringers;
import org.abusedesk.intake.ReporterSuspensions;
import org.abusedesk.policy.RepeatInfringerLadder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Strikes (DSA Art. 23): a customer's for each confirmed violation, a reporter's for each
 * notice denied as manifestly unfounded. A strike counts for
 * {@code abusedesk.strikes.window} (365 days) and then expires. An account with as many
 * DMCA strikes as the first step of the policy's repeat-infringer ladder (3 in the
 * default policy; {@code abusedesk.strikes.repeat-infringer-at} when the policy has no
 * ladder) is a repeat infringer (the policy fact {@code repeat_infringer}), and each step
 * it reaches proposes a measure ({@link AccountMeasures}). A reporter is warned at
 * {@code abusedesk.strikes.reporter-warning-at} (2) and their notices are suspended for
 * {@code abusedesk.strikes.reporter-suspension} (30 days) at
 * {@code abusedesk.strikes.reporter-suspend-at} (3); reports of child sexual abuse
 * material are never suspended nor counted.
 */
@Service
class Strikes implements RepeatInfringers, ReporterSuspensions {

	/** What a reporter's strike led to. */
	enum Consequence {

		NONE, WARNING, SUSPENSION

	}

	record Strike(long id, String party, String reportType, String basis, Long caseId, Long mitigationId, Long reportId,
			Long appealId, Instant recordedAt, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Duration window;

	private final int repeatInfringerAt;

	private final int reporterWarningAt;

	private final int reporterSuspendAt;

	private final Duration reporterSuspension;

	private final RepeatInfringerLadder ladder;

	private final AccountMeasures measures;

	Strikes(JdbcClient jdbc, AuditLog audit, RepeatInfringerLadder ladder, AccountMeasures measures,
			AppealProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.ladder = ladder;
		this.measures = measures;
		this.window = properties.strikes().window();
		this.repeatInfringerAt = properties.strikes().repeatInfringerAt();
		this.reporterWarningAt = properties.strikes().reporterWarningAt();
		this.reporterSuspendAt = properties.strikes().reporterSuspendAt();
		this.reporterSuspension = properties.strikes().reporterSuspension();
	}

	/**
	 * Records a customer's strike for a confirmed violation (a mitigation upheld on
	 * appeal), once per mitigation, in the case's audit stream ({@code strike.recorded}).
	 * @return whether it was recorded (false: the mitigation has its strike already)
	 */
	boolean customerStrike(String accountRef, String reportType, long caseId, long mitigationId, Long appealId,
			String basis, String actor) {
		Instant expires = Instant.now().plus(this.window);
		Optional<Long> id = this.jdbc.sql("""
				insert into strike (party, subject, report_type, basis, case_id, mitigation_id, appeal_id, recorded_by,
				    expires_at)
				values ('customer', :account, :type, :basis, :case, :mitigation, :appeal, :actor, :expires)
				on conflict (mitigation_id) where party = 'customer' do nothing
				returning id""")
			.param("account", accountRef)
			.param("type", reportType)
			.param("basis", basis)
			.param("case", caseId)
			.param("mitigation", mitigationId)
			.param("appeal", appealId)
			.param("actor", actor)
			.param("expires", Timestamp.from(expires))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return false;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("strike_id", id.get());
		details.put("party", "customer");
		details.put("account_ref", accountRef);
		details.put("report_type", reportType);
		details.put("basis", basis);
		details.put("mitigation_id", mitigationId);
		details.put("appeal_id", appealId);
		details.put("expires_at", expires);
		int strikes = count("customer", accountRef, reportType);
		details.put("strikes", strikes);
		this.audit.append("case:" + caseId, actor, "strike.recorded", details);
		// the policy's repeat-infringer ladder: a warning, an account review, a
		// suspension, each for a senior to decide
		this.measures.afterStrike(accountRef, reportType, caseId, strikes, this.window, actor);
		return true;
	}

	/**
	 * Records a reporter's strike for a notice denied as manifestly unfounded, once per
	 * report, and warns or suspends them past the thresholds.
	 * @param email the reporter's email
	 * @return what the strike led to, or empty when the report has its strike already
	 */
	Optional<Consequence> reporterStrike(String email, long reportId, String reportType, String note, String actor) {
		String reporter = email.toLowerCase(Locale.ROOT);
		Instant expires = Instant.now().plus(this.window);
		Optional<Long> id = this.jdbc.sql("""
				insert into strike (party, subject, report_type, basis, report_id, note, recorded_by, expires_at)
				values ('reporter', :reporter, :type, 'manifestly_unfounded', :report, :note, :actor, :expires)
				on conflict (report_id) where party = 'reporter' do nothing
				returning id""")
			.param("reporter", reporter)
			.param("type", reportType)
			.param("report", reportId)
			.param("note", note)
			.param("actor", actor)
			.param("expires", Timestamp.from(expires))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		int strikes = this.jdbc.sql("""
				select count(*) from strike where party = 'reporter' and subject = :reporter and expires_at > now()
				  and report_type <> 'children'""").param("reporter", reporter).query(Integer.class).single();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("strike_id", id.get());
		details.put("party", "reporter");
		details.put("basis", "manifestly_unfounded");
		details.put("note", note);
		details.put("expires_at", expires);
		details.put("strikes", strikes);
		this.audit.append("report:" + reportId, actor, "strike.recorded", details);
		if (strikes >= this.reporterSuspendAt && of(reporter, "general").isEmpty()) {
			Instant until = Instant.now().plus(this.reporterSuspension);
			String reason = strikes + " of your notices in the last " + this.window.toDays()
					+ " days were manifestly unfounded (EU Digital Services Act, Article 23).";
			long suspension = this.jdbc.sql("""
					insert into reporter_suspension (reporter, until, strikes, reason)
					values (:reporter, :until, :strikes, :reason) returning id""")
				.param("reporter", reporter)
				.param("until", Timestamp.from(until))
				.param("strikes", strikes)
				.param("reason", reason)
				.query(Long.class)
				.single();
			this.audit.append("report:" + reportId, actor, "reporter.suspended",
					Map.of("suspension_id", suspension, "until", until, "strikes", strikes));
			return Optional.of(Consequence.SUSPENSION);
		}
		if (strikes >= this.reporterWarningAt) {
			this.audit.append("report:" + reportId, actor, "reporter.warned", Map.of("strikes", strikes));
			return Optional.of(Consequence.WARNING);
		}
		return Optional.of(Consequence.NONE);
	}

	/** How many strikes of one type a party has now. */
	int count(String party, String subject, String reportType) {
		return this.jdbc.sql("""
				select count(*) from strike
				where party = :party and subject = :subject and report_type = :type and expires_at > now()""")
			.param("party", party)
			.param("subject", subject)
			.param("type", reportType)
			.query(Integer.class)
			.single();
	}

	/** An account's strikes in force, newest first. */
	List<Strike> ofAccount(String accountRef) {
		return this.jdbc.sql("""
				select * from strike where party = 'customer' and subject = :account and expires_at > now()
				order by id desc""")
			.param("account", accountRef)
			.query((rs, n) -> new Strike(rs.getLong("id"), rs.getString("party"), rs.getString("report_type"),
					rs.getString("basis"), rs.getObject("case_id", Long.class),
					rs.getObject("mitigation_id", Long.class), rs.getObject("report_id", Long.class),
					rs.getObject("appeal_id", Long.class), rs.getTimestamp("recorded_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	Duration reporterSuspension() {
		return this.reporterSuspension;
	}

	/**
	 * The DMCA strikes that make an account a repeat infringer: the first step of the
	 * policy's ladder for {@code dmca}, or {@code abusedesk.strikes.repeat-infringer-at}
	 * when the policy has none.
	 */
	int repeatInfringerAt() {
		return this.ladder.steps("dmca")
			.stream()
			.findFirst()
			.map(RepeatInfringerLadder.Step::strikes)
			.orElse(this.repeatInfringerAt);
	}

	@Override
	public Set<String> among(Collection<String> accountRefs) {
		return new HashSet<>(this.jdbc.sql("""
				select subject from strike
				where party = 'customer' and report_type = 'dmca' and subject = any(:accounts) and expires_at > now()
				group by subject having count(*) >= :threshold""")
			.param("accounts", accountRefs.toArray(String[]::new))
			.param("threshold", repeatInfringerAt())
			.query(String.class)
			.list());
	}

	@Override
	public Optional<Suspension> of(String reporterEmail, String reportType) {
		if (reporterEmail == null || reporterEmail.isBlank() || "children".equals(reportType)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select until, reason from reporter_suspension where reporter = :reporter and until > now()
				order by until desc limit 1""")
			.param("reporter", reporterEmail.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> new Suspension(rs.getTimestamp("until").toInstant(), rs.getString("reason")))
			.optional();
	}

}
