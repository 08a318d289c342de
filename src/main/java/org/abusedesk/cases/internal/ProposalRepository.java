package org.abusedesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.cases.CasePlan;
import org.abusedesk.cases.CaseView;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.abusedesk.policy.Review;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposed plans and the answers of their approvers. */
@Repository
class ProposalRepository {

	private static final ObjectMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ProposalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the new proposal's id
	 */
	long propose(long caseId, CasePlan plan, String proposedBy, String reason, String status) {
		return this.jdbc.sql("""
				insert into case_proposal (case_id, plan, review, proposed_by, reason, status, decided_at)
				values (:case, cast(:plan as jsonb), :review, :by, :reason, :status,
				    case when :status = 'awaiting_approval' then null else now() end)
				returning id""")
			.param("case", caseId)
			.param("plan", write(plan))
			.param("review", plan.review().wire())
			.param("by", proposedBy)
			.param("reason", reason)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/** The case's proposal awaiting approval, locked until the transaction ends. */
	Optional<CaseView.Proposal> lockOpen(long caseId) {
		return this.jdbc.sql("""
				select * from case_proposal where case_id = :case and status = 'awaiting_approval' for update""")
			.param("case", caseId)
			.query(this::proposal)
			.optional();
	}

	/** The case's latest proposal with its answers, or empty. */
	Optional<CaseView.Proposal> latest(long caseId) {
		return this.jdbc.sql("select * from case_proposal where case_id = :case order by id desc limit 1")
			.param("case", caseId)
			.query(this::proposal)
			.optional();
	}

	/** Records one person's answer; false when that person already answered. */
	boolean answer(long proposalId, String approver, String decision, String reason) {
		return this.jdbc.sql("""
				insert into case_proposal_answer (proposal_id, approver, decision, reason)
				values (:proposal, :approver, :decision, :reason) on conflict do nothing""")
			.param("proposal", proposalId)
			.param("approver", approver)
			.param("decision", decision)
			.param("reason", reason)
			.update() == 1;
	}

	void close(long proposalId, String status) {
		this.jdbc.sql("update case_proposal set status = :status, decided_at = now() where id = :id")
			.param("status", status)
			.param("id", proposalId)
			.update();
	}

	private CaseView.Proposal proposal(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<CaseView.Answer> answers = this.jdbc.sql("""
				select approver, decision, reason, decided_at from case_proposal_answer
				where proposal_id = :id order by decided_at""")
			.param("id", id)
			.query((answer, row) -> new CaseView.Answer(answer.getString("approver"), answer.getString("decision"),
					answer.getString("reason"), answer.getTimestamp("decided_at").toInstant()))
			.list();
		return new CaseView.Proposal(id, read(rs.getString("plan")), rs.getString("proposed_by"),
				rs.getString("reason"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("status"), answers);
	}

	static String write(CasePlan plan) {
		List<Map<String, Object>> mitigations = new ArrayList<>();
		for (ProposedMitigation mitigation : plan.mitigations()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", mitigation.type().wire());
			entry.put("entity_type", mitigation.entityType().wire());
			entry.put("territorial_scope", mitigation.territorialScope());
			entry.put("effective_after_seconds", mitigation.effectiveAfter().toSeconds());
			entry.put("expires_after_seconds", seconds(mitigation.expiresAfter()));
			entry.put("review_after_seconds", seconds(mitigation.reviewAfter()));
			mitigations.add(entry);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("review", plan.review().wire());
		document.put("mitigations", mitigations);
		document.put("explanations", plan.explanations());
		document.put("refusals", plan.refusals());
		return json.writeValueAsString(document);
	}

	static CasePlan read(String text) {
		JsonNode document = json.readTree(text);
		List<ProposedMitigation> mitigations = new ArrayList<>();
		for (JsonNode entry : document.get("mitigations")) {
			List<String> scope = new ArrayList<>();
			entry.get("territorial_scope").forEach((code) -> scope.add(code.asString()));
			mitigations.add(new ProposedMitigation(MitigationType.fromWire(entry.get("type").asString()).orElseThrow(),
					EntityType.fromWire(entry.get("entity_type").asString()).orElseThrow(), scope,
					Duration.ofSeconds(entry.get("effective_after_seconds").asLong()),
					duration(entry.get("expires_after_seconds")), duration(entry.get("review_after_seconds"))));
		}
		return new CasePlan(mitigations, Review.fromWire(document.get("review").asString()).orElseThrow(),
				texts(document.get("explanations")), texts(document.get("refusals")));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((text) -> texts.add(text.asString()));
		return texts;
	}

	private static Long seconds(Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

	private static Duration duration(JsonNode node) {
		return (node == null || node.isNull()) ? null : Duration.ofSeconds(node.asLong());
	}

}
