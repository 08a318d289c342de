package org.abusedesk.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.policy.Decision;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.Review;
import org.abusedesk.policy.ResponsePlan;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class DecisionStore implements Decisions {

	private final JdbcClient jdbc;

	private final PolicyRegistry policies;

	private final ObjectMapper json;

	DecisionStore(JdbcClient jdbc, PolicyRegistry policies, ObjectMapper json) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.json = json;
	}

	@Override
	@Transactional
	public List<Decision> decideAll(List<Request> requests) {
		if (requests.isEmpty()) {
			return List.of();
		}
		CompiledPolicy policy = this.policies.activeCompiled();
		List<ResponsePlan> plans = new ArrayList<>(requests.size());
		List<Map<String, Object>> rows = new ArrayList<>(requests.size());
		for (Request request : requests) {
			ResponsePlan plan = policy.evaluate(request.facts());
			plans.add(plan);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("i", rows.size());
			row.put("report_id", request.reportId());
			row.put("service", request.facts().service().wire());
			row.put("policy_version", plan.policyVersion());
			row.put("rule", plan.rule());
			row.put("review", plan.review().wire());
			row.put("priority", plan.priority().wire());
			row.put("due_in_seconds", plan.dueIn().toSeconds());
			row.put("notifications", plan.notifications().stream().map(NotificationKind::wire).toList());
			row.put("mitigations", this.json.readTree(PlanCodec.write(this.json, plan.mitigations())));
			row.put("denial_reason", plan.denialReason());
			row.put("refusal", plan.refusal());
			row.put("explanation", plan.explanation());
			row.put("facts", this.json.valueToTree(request.facts()));
			rows.add(row);
		}
		record Made(long id, Instant decidedAt) {
		}
		Map<String, Made> made = new HashMap<>();
		this.jdbc.sql("""
				insert into decision (report_id, service, revision, policy_version, rule, review, priority,
				    due_in_seconds, notifications, mitigations, denial_reason, refusal, explanation, facts)
				select d.report_id, d.service, 0, d.policy_version, d.rule, d.review, d.priority, d.due_in_seconds,
				    array(select jsonb_array_elements_text(d.notifications)), d.mitigations, d.denial_reason,
				    d.refusal, d.explanation, d.facts
				from jsonb_to_recordset(cast(:rows as jsonb))
				    as d(i int, report_id bigint, service text, policy_version text, rule text, review text,
				         priority text, due_in_seconds bigint, notifications jsonb, mitigations jsonb,
				         denial_reason text, refusal text, explanation text, facts jsonb)
				order by d.i
				on conflict (report_id, service, revision) do nothing
				returning id, report_id, service, decided_at""")
			.param("rows", this.json.writeValueAsString(rows))
			.query((rs, n) -> made.put(rs.getLong("report_id") + " " + rs.getString("service"),
					new Made(rs.getLong("id"), rs.getTimestamp("decided_at").toInstant())))
			.list();
		List<Decision> decisions = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			Request request = requests.get(i);
			Made inserted = made.get(request.reportId() + " " + request.facts().service().wire());
			// decided before (a redelivery): the recorded decision stands
			decisions.add(
					(inserted != null)
							? new Decision(inserted.id(), request.reportId(), request.facts(), plans.get(i),
									inserted.decidedAt())
							: recorded(request.reportId(), request.facts().service().wire()));
		}
		return decisions;
	}

	@Override
	@Transactional
	public Decision redecide(long reportId, DecisionFacts facts) {
		ResponsePlan plan = this.policies.activeCompiled().evaluate(facts);
		return insert(reportId, facts, plan,
				"""
						(select coalesce(max(revision), -1) + 1 from decision where report_id = :report and service = :service)""")
			.orElseThrow();
	}

	/** The decision as recorded, or empty when this revision was recorded before. */
	private Optional<Decision> insert(long reportId, DecisionFacts facts, ResponsePlan plan, String revision) {
		return this.jdbc.sql("""
				insert into decision (report_id, service, revision, policy_version, rule, review, priority,
				    due_in_seconds, notifications, mitigations, denial_reason, refusal, explanation, facts)
				values (:report, :service, %s, :version, :rule, :review, :priority, :due,
				    cast(:notifications as text[]), cast(:mitigations as jsonb), :denial, :refusal, :explanation,
				    cast(:facts as jsonb))
				on conflict (report_id, service, revision) do nothing
				returning id, decided_at""".formatted(revision))
			.param("report", reportId)
			.param("service", facts.service().wire())
			.param("version", plan.policyVersion())
			.param("rule", plan.rule())
			.param("review", plan.review().wire())
			.param("priority", plan.priority().wire())
			.param("due", plan.dueIn().toSeconds())
			.param("notifications",
					"{" + String.join(",", plan.notifications().stream().map(NotificationKind::wire).toList()) + "}")
			.param("mitigations", PlanCodec.write(this.json, plan.mitigations()))
			.param("denial", plan.denialReason())
			.param("refusal", plan.refusal())
			.param("explanation", plan.explanation())
			.param("facts", this.json.writeValueAsString(facts))
			.query((rs, n) -> new Decision(rs.getLong("id"), reportId, facts, plan,
					rs.getTimestamp("decided_at").toInstant()))
			.optional();
	}

	/** The first decision recorded for a report on a service. */
	private Decision recorded(long reportId, String service) {
		return this.jdbc.sql("select * from decision where report_id = :report and service = :service and revision = 0")
			.param("report", reportId)
			.param("service", service)
			.query(this::map)
			.single();
	}

	@Override
	public Map<Long, List<Decision>> ofReports(Collection<Long> reportIds) {
		Map<Long, List<Decision>> decisions = new HashMap<>();
		reportIds.forEach((id) -> decisions.put(id, new ArrayList<>()));
		if (!reportIds.isEmpty()) {
			this.jdbc.sql("select * from decision where report_id = any(:reports) order by report_id, id")
				.param("reports", reportIds.toArray(Long[]::new))
				.query(this::map)
				.list()
				.forEach((decision) -> decisions.get(decision.reportId()).add(decision));
		}
		return decisions;
	}

	@Override
	public List<Decision> latestOfReports(Collection<Long> reportIds) {
		if (reportIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select distinct on (report_id, service) * from decision where report_id = any(:reports)
				order by report_id, service, revision desc""")
			.param("reports", reportIds.toArray(Long[]::new))
			.query(this::map)
			.list();
	}

	@Override
	public List<Decision> latestOfReport(long reportId) {
		return this.jdbc.sql("""
				select distinct on (service) * from decision where report_id = :report
				order by service, revision desc""").param("report", reportId).query(this::map).list();
	}

	private Decision map(ResultSet rs, int row) throws SQLException {
		DecisionFacts facts = this.json.readValue(rs.getString("facts"), DecisionFacts.class);
		return new Decision(rs.getLong("id"), rs.getLong("report_id"), facts, plan(this.json, rs),
				rs.getTimestamp("decided_at").toInstant());
	}

	/** The plan recorded in a {@code decision} row. */
	static ResponsePlan plan(ObjectMapper json, ResultSet rs) throws SQLException {
		List<NotificationKind> notifications = new ArrayList<>();
		for (Object wire : (Object[]) rs.getArray("notifications").getArray()) {
			notifications.add(NotificationKind.fromWire((String) wire).orElseThrow());
		}
		return new ResponsePlan(rs.getString("policy_version"), rs.getString("rule"), notifications,
				PlanCodec.read(json, rs.getString("mitigations")),
				Review.fromWire(rs.getString("review")).orElseThrow(),
				Priority.fromWire(rs.getString("priority")).orElseThrow(),
				Duration.ofSeconds(rs.getLong("due_in_seconds")), rs.getString("denial_reason"),
				rs.getString("refusal"), rs.getString("explanation"));
	}

	@Override
	public Optional<String> check(DecisionFacts facts, ResponsePlan plan) {
		return Optional.ofNullable(Guardrails.violation(plan, facts));
	}

}
