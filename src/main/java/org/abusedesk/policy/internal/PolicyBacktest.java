package org.abusedesk.policy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.ResponsePlan;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays recorded facts against a draft. Reads only, in a read-only transaction, row by
 * row, so a long history needs little memory.
 */
@Component
class PolicyBacktest {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	PolicyBacktest(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	PolicyDocuments.Backtest run(CompiledPolicy draft, Instant since, int maxExamples) {
		int[] replayed = { 0 };
		Map<String, Integer> byServiceAndType = new TreeMap<>();
		List<PolicyDocuments.Change> examples = new ArrayList<>();
		this.jdbc.sql("select * from decision where decided_at >= :since order by id")
			.param("since", java.sql.Timestamp.from(since))
			.query((rs) -> {
				replayed[0]++;
				DecisionFacts facts = this.json.readValue(rs.getString("facts"), DecisionFacts.class);
				ResponsePlan recorded = DecisionStore.plan(this.json, rs);
				ResponsePlan replay = draft.evaluate(facts);
				String difference = difference(recorded, replay);
				if (difference != null) {
					byServiceAndType.merge(facts.service().wire() + "/" + facts.reportType(), 1, Integer::sum);
					if (examples.size() < maxExamples) {
						examples.add(new PolicyDocuments.Change(rs.getLong("id"), facts.service().wire(),
								facts.reportType(), recorded.rule(), replay.rule(), difference));
					}
				}
			});
		int changed = byServiceAndType.values().stream().mapToInt(Integer::intValue).sum();
		return new PolicyDocuments.Backtest(draft.version(), replayed[0], changed, byServiceAndType,
				List.copyOf(examples));
	}

	/** What differs between two plans, ignoring the version and the wording. */
	static String difference(ResponsePlan recorded, ResponsePlan replay) {
		List<String> parts = new ArrayList<>();
		if (!recorded.rule().equals(replay.rule())) {
			parts.add("rule " + recorded.rule() + " -> " + replay.rule());
		}
		if (recorded.review() != replay.review()) {
			parts.add("review " + recorded.review().wire() + " -> " + replay.review().wire());
		}
		if (!recorded.notifications().equals(replay.notifications())) {
			parts.add("notifications " + recorded.notifications() + " -> " + replay.notifications());
		}
		if (!recorded.mitigations().equals(replay.mitigations())) {
			parts.add("mitigations " + types(recorded) + " -> " + types(replay));
		}
		if (!recorded.priority().equals(replay.priority()) || !recorded.dueIn().equals(replay.dueIn())) {
			parts.add("priority " + recorded.priority().wire() + "/" + recorded.dueIn() + " -> "
					+ replay.priority().wire() + "/" + replay.dueIn());
		}
		if (!java.util.Objects.equals(recorded.denialReason(), replay.denialReason())) {
			parts.add("denial " + recorded.denialReason() + " -> " + replay.denialReason());
		}
		if (!java.util.Objects.equals(recorded.refusal(), replay.refusal())) {
			parts.add("refusal " + recorded.refusal() + " -> " + replay.refusal());
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	private static List<String> types(ResponsePlan plan) {
		return plan.mitigations().stream().map((m) -> m.type().wire()).toList();
	}

}
