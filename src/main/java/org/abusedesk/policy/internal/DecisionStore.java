package org.abusedesk.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.catalog.Service;
import org.abusedesk.policy.Decision;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.Decisions;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.Review;
import org.abusedesk.policy.ResponsePlan;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class DecisionStore implements Decisions {

	private final JdbcClient jdbc;

	private final BuiltinPolicy policy;

	private final ObjectMapper json;

	DecisionStore(JdbcClient jdbc, BuiltinPolicy policy, ObjectMapper json) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.json = json;
	}

	@Override
	@Transactional
	public Decision decide(long reportId, DecisionFacts facts) {
		ResponsePlan plan = this.policy.evaluate(facts);
		this.jdbc.sql("""
				insert into decision (report_id, service, policy_version, rule, review, priority, due_in_seconds,
				    notifications, explanation, facts)
				values (:report, :service, :version, :rule, :review, :priority, :due,
				    cast(:notifications as text[]), :explanation, cast(:facts as jsonb))
				on conflict (report_id, service) do nothing""")
			.param("report", reportId)
			.param("service", facts.service().wire())
			.param("version", plan.policyVersion())
			.param("rule", plan.rule())
			.param("review", plan.review().wire())
			.param("priority", plan.priority())
			.param("due", plan.dueIn().toSeconds())
			.param("notifications",
					"{" + String.join(",", plan.notifications().stream().map(NotificationKind::wire).toList()) + "}")
			.param("explanation", plan.explanation())
			.param("facts", this.json.writeValueAsString(facts))
			.update();
		return this.jdbc.sql("select * from decision where report_id = :report and service = :service")
			.param("report", reportId)
			.param("service", facts.service().wire())
			.query(this::map)
			.single();
	}

	@Override
	public List<Decision> ofReport(long reportId) {
		return this.jdbc.sql("select * from decision where report_id = :report order by id")
			.param("report", reportId)
			.query(this::map)
			.list();
	}

	private Decision map(ResultSet rs, int row) throws SQLException {
		List<NotificationKind> notifications = new ArrayList<>();
		for (Object wire : (Object[]) rs.getArray("notifications").getArray()) {
			notifications.add(NotificationKind.fromWire((String) wire));
		}
		Review review = Review.fromWire(rs.getString("review"));
		DecisionFacts facts = this.json.readValue(rs.getString("facts"), DecisionFacts.class);
		ResponsePlan plan = new ResponsePlan(rs.getString("policy_version"), rs.getString("rule"),
				List.copyOf(notifications), review, rs.getString("priority"),
				Duration.ofSeconds(rs.getLong("due_in_seconds")), rs.getString("explanation"));
		return new Decision(rs.getLong("id"), rs.getLong("report_id"), facts, plan,
				rs.getTimestamp("decided_at").toInstant());
	}

}
