package org.abusedesk.transparency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.abusedesk.Api;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.access.Role;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, "Every restriction yields one statement of reasons in the Transparency
 * Database's schema": every mitigation type, taken on real cases over the real path
 * (reports over HTTP, plans approved by two reviewers, an emergency approved over the
 * API, a lift over the API), yields a statement that passes the database's own validation
 * rules (the conformance checker, strictly: no personal data either), with the fields its
 * type calls for.
 */
class StatementOfReasonsTests extends EdgeDeskTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyMitigationTypeYieldsAStatementThatPassesTheDatabasesRules() {
		String host = "blog." + this.catalog.hostedZone();
		long phishingCase = fileAndAwaitCase("phishing", phishing(host, "/rita-smith/login.php"));
		approve(phishingCase, mitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN),
				mitigation(MitigationType.MALWARE_BLOCK, EntityType.URL_PATTERN));
		long generalCase = fileAndAwaitCase("general", phishing(host, "/shop.html"));
		approve(generalCase, mitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN),
				mitigation(MitigationType.ACCOUNT_SUSPEND, EntityType.ACCOUNT),
				mitigation(MitigationType.ZONE_TERMINATE, EntityType.ZONE));
		long orderCase = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		approve(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));
		long threatCase = fileAndAwaitCase("threat", phishing(host, "/threat.html").replace("\"good_faith\": true}",
				"\"good_faith\": true, \"imminent\": true}"));
		emergency(threatCase);
		long lifted = this.jdbc.sql("select id from mitigation where case_id = :case and type = 'content_disable'")
			.param("case", generalCase)
			.query(Long.class)
			.single();
		Api.Response lift = this.api.post("/api/v1/mitigations/" + lifted + "/lift",
				"{\"reason\": \"The customer showed a licence; restoring it.\"}", staffToken("lifter", Role.SENIOR));
		assertThat(lift.status()).as(lift.body()).isEqualTo(200);

		List<Long> cases = List.of(phishingCase, generalCase, orderCase, threatCase);
		await().atMost(Duration.ofSeconds(30)).until(() -> statements(cases).size() == 8);
		Map<String, JsonNode> byType = statements(cases).stream()
			.collect(Collectors.toMap((s) -> s.get("type").asString(), (s) -> s.get("statement")));

		assertThat(byType.keySet()).containsExactlyInAnyOrder("phishing_interstitial", "malware_block",
				"content_disable", "account_suspend", "zone_terminate", "legal_block", "emergency_block",
				"content_disable restoration");
		SorValidator.Result result = SorValidator
			.validateStrict(statements(cases).stream().map((s) -> s.get("statement").toString()).toList());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).doesNotContain("warning:").contains("valid (0 violation(s), 0 warning(s))");
		// a batch of them passes the batch endpoint's rules too (puids unique in it)
		String batch = statements(cases).stream()
			.map((s) -> s.get("statement").toString())
			.collect(Collectors.joining(",", "{\"statements\":[", "]}"));
		assertThat(SorValidator.validateBatch(batch).exitCode()).isZero();

		JsonNode interstitial = byType.get("phishing_interstitial");
		assertThat(interstitial.get("decision_visibility").get(0).asString()).isEqualTo("DECISION_VISIBILITY_OTHER");
		assertThat(interstitial.get("category").asString()).isEqualTo("STATEMENT_CATEGORY_SCAMS_AND_FRAUD");
		assertThat(interstitial.get("category_specification").get(0).asString()).isEqualTo("KEYWORD_PHISHING");
		assertThat(interstitial.get("source_type").asString()).isEqualTo("SOURCE_ARTICLE_16");
		assertThat(interstitial.get("territorial_scope")).hasSize(30);
		assertThat(interstitial.get("territorial_scope").toString()).contains("\"GR\"").doesNotContain("\"EL\"");
		assertThat(byType.get("malware_block").get("decision_visibility").get(0).asString())
			.isEqualTo("DECISION_VISIBILITY_CONTENT_DISABLED");
		assertThat(byType.get("account_suspend").get("decision_account").asString())
			.isEqualTo("DECISION_ACCOUNT_SUSPENDED");
		assertThat(byType.get("account_suspend").get("decision_provision").asString())
			.isEqualTo("DECISION_PROVISION_TOTAL_SUSPENSION");
		assertThat(byType.get("zone_terminate").get("decision_provision").asString())
			.isEqualTo("DECISION_PROVISION_PARTIAL_TERMINATION");
		JsonNode legal = byType.get("legal_block");
		assertThat(legal.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
		assertThat(legal.get("illegal_content_legal_ground").asString()).isEqualTo("§ 1004 BGB");
		assertThat(legal.get("territorial_scope").toString()).isEqualTo("[\"DE\"]");
		assertThat(legal.get("source_type").asString()).isEqualTo("SOURCE_TYPE_OTHER_NOTIFICATION");
		JsonNode emergency = byType.get("emergency_block");
		assertThat(emergency.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
		assertThat(emergency.get("end_date_visibility_restriction").asString()).isNotBlank();
		JsonNode restoration = byType.get("content_disable restoration");
		assertThat(restoration.get("puid").asString())
			.isEqualTo(byType.get("content_disable").get("puid").asString() + "-restored");
		assertThat(restoration.get("decision_visibility_other").asString())
			.contains(byType.get("content_disable").get("puid").asString());

		// no personal data: not the reporter, not the customer, not the address
		String all = statements(cases).toString();
		assertThat(all).doesNotContain("Rita", this.catalog.reporter(), this.catalog.hostedZone(), "rita-smith",
				"hosting-" + this.catalog.id(), "Hosting Customer", "Court Clerk", "27 O 123/26", "/banned.html");
	}

	@Test
	void aLegalBlockOutsideTheEeaIsKeptButNeverSubmitted() {
		String host = "blog." + this.catalog.hostedZone();
		String order = legalOrder(host, "/elsewhere.html")
			.replace("\"jurisdiction\": \"DE\"", "\"jurisdiction\": \"US\"")
			.replace("\"territorial_scope\": [\"DE\"]", "\"territorial_scope\": [\"US\"]")
			.replace("Landgericht Berlin", "District Court");
		long orderCase = fileAndAwaitCase("legal_order", order);
		approve(orderCase, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("US"),
				Duration.ZERO, null, null));

		await().atMost(Duration.ofSeconds(30)).until(() -> statements(List.of(orderCase)).size() == 1);
		assertThat(this.jdbc.sql("select status from statement_of_reasons where case_id = :case")
			.param("case", orderCase)
			.query(String.class)
			.single()).isEqualTo("outside_scope");
	}

	private static ProposedMitigation mitigation(MitigationType type, EntityType target) {
		return new ProposedMitigation(type, target, List.of(), Duration.ZERO, null, null);
	}

	private void approve(long caseId, ProposedMitigation... mitigations) {
		assertThat(this.work.change(caseId, reviewer("proposer"), List.of(mitigations), "Confirmed; act now.").status())
			.isEqualTo(CaseStatus.AWAITING_APPROVAL);
		assertThat(this.work.answer(caseId, reviewer("approver"), true, "Agreed.").status())
			.isEqualTo(CaseStatus.ACTIONED);
	}

	private void emergency(long caseId) {
		Api.Response declared = this.api.post("/api/v1/cases/" + caseId + "/emergency",
				"{\"justification\": \"A post names a time to attack someone tonight.\"}",
				staffToken("declarer", Role.REVIEWER));
		assertThat(declared.status()).as(declared.body()).isEqualTo(200);
		for (Role role : List.of(Role.SENIOR, Role.LEGAL)) {
			Api.Response answer = this.api.post("/api/v1/cases/" + caseId + "/approvals",
					"{\"decision\": \"approve\", \"reason\": \"Verified by phone.\"}",
					staffToken("approver-" + role.wire(), role));
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		}
	}

	/** The statements of the cases, each as {type, statement}. */
	private List<JsonNode> statements(List<Long> cases) {
		return this.jdbc.sql("""
				select mitigation_type || case when kind = 'restoration' then ' restoration' else '' end as type,
				    statement::text as statement
				from statement_of_reasons where case_id in (:cases) order by id""")
			.param("cases", cases)
			.query((rs,
					n) -> (JsonNode) this.json.createObjectNode()
						.put("type", rs.getString("type"))
						.set("statement", this.json.readTree(rs.getString("statement"))))
			.list();
	}

}
