package org.abusedesk.appeals.internal;

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
import java.util.stream.Collectors;

import org.abusedesk.notifications.Outbound;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.catalog.Accounts;
import org.abusedesk.access.Role;
import org.abusedesk.policy.RepeatInfringerLadder;
import org.abusedesk.policy.RepeatInfringerLadder.Step;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The repeat-infringer ladder at work (DSA Art. 23): when a customer's strike takes the
 * account to a step of the active policy's {@code repeat_infringers} ladder, the step's
 * measure (a warning, an account review, the suspension of the account) is proposed with
 * a statement of reasons, once per step within the strike window. A senior decides every
 * proposal, confirmed or declined with a reason; a confirmed one is sent to the customer
 * with its statement of reasons. Proposals and decisions are in the case's audit stream.
 */
@Service
class AccountMeasures {

	static final List<String> DECISIONS = List.of("confirmed", "declined");

	/**
	 * @param measure {@code warning}, {@code account_review} or {@code suspension}
	 * @param status {@code proposed}, {@code confirmed} or {@code declined}
	 */
	record Measure(long id, String accountRef, String reportType, String measure, int strikes, String policyVersion,
			Long caseId, String statement, String review, String status, Instant proposedAt, Instant decidedAt,
			String decidedBy, String decisionReason) {
	}

	private final JdbcClient jdbc;

	private final RepeatInfringerLadder ladder;

	private final AuditLog audit;

	private final Accounts accounts;

	private final Outbound messages;

	AccountMeasures(JdbcClient jdbc, RepeatInfringerLadder ladder, AuditLog audit, Accounts accounts,
			Outbound messages) {
		this.jdbc = jdbc;
		this.ladder = ladder;
		this.audit = audit;
		this.accounts = accounts;
		this.messages = messages;
	}

	/**
	 * Proposes the measure of the step the account's strikes of a report type have
	 * reached, unless one for that step was proposed within the strike window.
	 * @param strikes the account's strikes of the type in force now
	 * @param window how long a strike counts
	 * @return the proposal, or empty when there is none to make
	 */
	Optional<Measure> afterStrike(String accountRef, String reportType, long caseId, int strikes, Duration window,
			String actor) {
		Optional<Step> step = this.ladder.reached(reportType, strikes);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		Step reached = step.get();
		boolean proposedBefore = this.jdbc.sql("""
				select count(*) > 0 from account_measure
				where account_ref = :account and report_type = :type and measure = :measure and proposed_at > :since""")
			.param("account", accountRef)
			.param("type", reportType)
			.param("measure", reached.propose())
			.param("since", Timestamp.from(Instant.now().minus(window)))
			.query(Boolean.class)
			.single();
		if (proposedBefore) {
			return Optional.empty();
		}
		String statement = statement(accountRef, reportType, strikes, window, reached);
		Optional<Long> id = this.jdbc.sql("""
				insert into account_measure (account_ref, report_type, measure, strikes, policy_version, case_id,
				    statement)
				values (:account, :type, :measure, :strikes, :version, :case, :statement)
				on conflict (account_ref, report_type, measure) where status = 'proposed' do nothing
				returning id""")
			.param("account", accountRef)
			.param("type", reportType)
			.param("measure", reached.propose())
			.param("strikes", strikes)
			.param("version", reached.policyVersion())
			.param("case", caseId)
			.param("statement", statement)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("account_measure_id", id.get());
		details.put("account_ref", accountRef);
		details.put("measure", reached.propose());
		details.put("report_type", reportType);
		details.put("strikes", strikes);
		details.put("policy_version", reached.policyVersion());
		details.put("review", "senior");
		this.audit.append("case:" + caseId, actor, "account_measure.proposed", details);
		return find(id.get());
	}

	/**
	 * A senior (or an admin) confirms or declines a proposal, with a reason.
	 * @throws ResponseStatusException 403 for any other role, 404 for no such proposal,
	 * 409 when it is decided already
	 * @throws InvalidInputException for a missing or unknown decision or reason
	 */
	@Transactional
	Measure decide(long id, String staff, Role role, String decision, String reason) {
		if (role != Role.SENIOR && role != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"A senior decides measures against an account (DSA Art. 23).");
		}
		List<FieldError> errors = new ArrayList<>();
		if (decision == null || !DECISIONS.contains(decision)) {
			errors.add(new FieldError("decision", (decision == null) ? "required" : "invalid",
					"One of: confirmed, declined."));
		}
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > AppealForm.MAX_TEXT) {
			errors.add(new FieldError("reason", why.isEmpty() ? "required" : "too_long",
					"Say why, in at most " + AppealForm.MAX_TEXT + " characters; the customer reads it."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Measure measure = this.jdbc.sql("select * from account_measure where id = :id for update")
			.param("id", id)
			.query(AccountMeasures::map)
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account measure " + id));
		if (!measure.status().equals("proposed")) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Account measure " + id + " was " + measure.status() + " on " + measure.decidedAt() + ".");
		}
		this.jdbc.sql("""
				update account_measure set status = :decision, decided_at = now(), decided_by = :staff,
				    decision_reason = :reason
				where id = :id""")
			.param("decision", decision)
			.param("staff", staff)
			.param("reason", why)
			.param("id", id)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("account_measure_id", id);
		details.put("account_ref", measure.accountRef());
		details.put("measure", measure.measure());
		details.put("decision", decision);
		details.put("reason", why);
		this.audit.append((measure.caseId() != null) ? "case:" + measure.caseId() : "account:" + measure.accountRef(),
				"staff:" + staff, "account_measure.decided", details);
		Measure decided = find(id).orElseThrow();
		if (decision.equals("confirmed")) {
			tellCustomer(decided);
		}
		return decided;
	}

	/** The customer hears a confirmed measure with its statement of reasons. */
	private void tellCustomer(Measure measure) {
		this.accounts.abuseContact(measure.accountRef())
			.ifPresent((contact) -> this.messages.queue(new Outbound.Message(
					"account_measure:" + measure.id() + ":confirmed", "notify_owner", 0,
					(measure.caseId() != null) ? measure.caseId() : 0, contact,
					"A measure on your account " + measure.accountRef() + ": " + words(measure.measure()),
					"Hello,\n\n" + measure.statement() + "\n\nA senior reviewer decided: " + words(measure.measure())
							+ ". Reason: " + measure.decisionReason() + "\n\nIf you disagree, you may appeal by "
							+ "replying to this message, refer the dispute to a certified out-of-court dispute "
							+ "settlement body (EU Digital Services Act, Article 21) or take it to the courts.\n")));
	}

	Optional<Measure> find(long id) {
		return this.jdbc.sql("select * from account_measure where id = :id")
			.param("id", id)
			.query(AccountMeasures::map)
			.optional();
	}

	/**
	 * The open proposals, oldest first, or every measure of one account, newest first.
	 */
	List<Measure> list(String accountRef, int limit) {
		if (accountRef == null) {
			return this.jdbc.sql("select * from account_measure where status = 'proposed' order by id limit :limit")
				.param("limit", limit)
				.query(AccountMeasures::map)
				.list();
		}
		return this.jdbc.sql("select * from account_measure where account_ref = :account order by id desc limit :limit")
			.param("account", accountRef)
			.param("limit", limit)
			.query(AccountMeasures::map)
			.list();
	}

	private String statement(String accountRef, String reportType, int strikes, Duration window, Step reached) {
		String ladderWords = this.ladder.steps(reportType)
			.stream()
			.map((step) -> words(step.propose()) + " from " + step.strikes())
			.collect(Collectors.joining(", "));
		return "The account " + accountRef + " has " + strikes + " confirmed " + reportType
				+ " violations (strikes: measures upheld on appeal or not contested) in the last " + window.toDays()
				+ " days. Our repeat-infringer policy (version " + reached.policyVersion() + ": " + ladderWords
				+ " strikes) provides for " + words(reached.propose())
				+ " at this count (EU Digital Services Act, Article 23). A senior reviewer decides before anything "
				+ "is done, and the decision can be appealed.";
	}

	static String words(String measure) {
		return switch (measure) {
			case "warning" -> "a warning";
			case "account_review" -> "a review of the account";
			default -> "the suspension of the account";
		};
	}

	private static Measure map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Measure(rs.getLong("id"), rs.getString("account_ref"), rs.getString("report_type"),
				rs.getString("measure"), rs.getInt("strikes"), rs.getString("policy_version"),
				rs.getObject("case_id", Long.class), rs.getString("statement"), rs.getString("review"),
				rs.getString("status"), rs.getTimestamp("proposed_at").toInstant(),
				(decided != null) ? decided.toInstant() : null, rs.getString("decided_by"),
				rs.getString("decision_reason"));
	}

}
