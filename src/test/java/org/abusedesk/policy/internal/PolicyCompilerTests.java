package org.abusedesk.policy.internal;

import java.util.List;

import org.abusedesk.policy.PolicyProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker's answers to broken documents: what and where. */
class PolicyCompilerTests {

	private static List<PolicyProblem> check(String yaml) {
		return PolicyCompiler.compile(yaml).problems();
	}

	@Test
	void syntaxErrorsAreReportedAtTheirLine() {
		assertThat(check("version: x\nrules:\n  - id: [unclosed\n")).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isGreaterThanOrEqualTo(3);
			assertThat(problem.message()).startsWith("not valid YAML");
		});
	}

	@Test
	void unknownKeysAndValuesAreReportedAtTheirLineAndColumn() {
		List<PolicyProblem> problems = check("""
				version: typo-1
				rules:
				  - id: all
				    match: { service: proxxy }
				    plan:
				      reveiw: one
				      review: sometimes
				      priority: p9
				      due: soon
				      explanation: Hello {name}.
				""");
		assertThat(problems).extracting(PolicyProblem::toString)
			.contains("4:23: unknown service proxxy",
					"6:7: unknown key reveiw; expected one of "
							+ "deny, due, explanation, mitigations, notify, priority, review",
					"7:15: review must be none, one, two_distinct_approvers or senior",
					"8:17: priority must be p1, p2, p3 or p4",
					"9:12: a duration is 0 or a number with m, h or d, e.g. 24h");
		assertThat(problems).filteredOn((problem) -> problem.line() == 10)
			.extracting(PolicyProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("unknown placeholder {name}"));
	}

	@Test
	void coverageGapsAreNamedPairByPair() {
		List<PolicyProblem> problems = check("""
				version: gaps-1
				rules:
				  - id: proxy.only
				    match: { service: proxy }
				    plan: { review: one, priority: p3, due: 72h, explanation: Forwarded. }
				  - id: hosting.phishing_confirmed
				    match: { service: hosting, facts: { phishing_confirmed: true } }
				    plan: { review: one, priority: p3, due: 72h, explanation: Reviewed. }
				""");
		assertThat(problems).extracting(PolicyProblem::message)
			.contains("coverage: no rule without reporter, jurisdiction or fact conditions matches service hosting "
					+ "and report_type phishing")
			.noneMatch((message) -> message.contains("service proxy"));
		assertThat(problems).hasSize(4 * Vocabulary.REPORT_TYPES.size());
		assertThat(problems).allSatisfy((problem) -> assertThat(problem.line()).isEqualTo(3));
	}

	@Test
	void missingFieldsAreProblemsAtTheirMapping() {
		List<PolicyProblem> problems = check("""
				version: missing-1
				rules:
				  - id: all
				    plan: { review: one, priority: p3 }
				""");
		assertThat(problems).extracting(PolicyProblem::toString)
			.contains("4:11: due is required", "4:11: explanation is required");
	}

	@Test
	void repeatedRuleIdsAreProblems() {
		List<PolicyProblem> problems = check("""
				version: dup-1
				rules:
				  - id: all
				    plan: { review: one, priority: p3, due: 72h, explanation: One. }
				  - id: all
				    plan: { review: one, priority: p3, due: 72h, explanation: Two. }
				""");
		assertThat(problems).singleElement()
			.satisfies((problem) -> assertThat(problem.toString())
				.isEqualTo("5:5: rule id all is already used on line 3"));
	}

	/**
	 * Issue 20: a mitigation's kind is its {@code entity_type}; versions stored before
	 * said {@code target}, and a stored version's text never changes, so they still read
	 * the same.
	 */
	@Test
	void aStoredVersionsMitigationTargetStillReadsAsItsEntityType() {
		String current = PolicyRegistry.defaultDocument();
		assertThat(current).contains("entity_type: url_pattern").doesNotContain("target:");
		CompiledPolicy stored = PolicyRegistry.compileOrFail(current.replace("entity_type: ", "target: "));
		CompiledPolicy policy = PolicyRegistry.compileOrFail(current);
		assertThat(stored.rules()).extracting(CompiledRule::mitigations)
			.containsExactlyElementsOf(policy.rules().stream().map(CompiledRule::mitigations).toList());

		List<PolicyProblem> both = check("""
				version: both-1
				rules:
				  - id: all
				    plan:
				      mitigations: [{ type: content_disable, entity_type: url_pattern, target: zone }]
				      review: one
				      priority: p3
				      due: 72h
				      explanation: Both.
				""");
		assertThat(both).extracting(PolicyProblem::message)
			.contains("target is the old spelling of entity_type: give entity_type only");
	}

	@Test
	void emptyAndNonMappingDocumentsAreRejected() {
		assertThat(check("")).singleElement().satisfies((p) -> assertThat(p.message()).contains("mapping"));
		assertThat(check("- a\n- b\n")).singleElement().satisfies((p) -> assertThat(p.message()).contains("mapping"));
	}

	@Test
	void theRepeatInfringerLadderIsPolicyDataCheckedStepByStep() throws Exception {
		String rules = new org.springframework.core.io.ClassPathResource("policy/default-policy.yaml")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String withoutLadder = rules.substring(0, rules.indexOf("repeat_infringers:"));
		PolicyCompiler.Compilation valid = PolicyCompiler.compile(withoutLadder + """
				repeat_infringers:
				  - { report_type: dmca, strikes: 2, propose: warning }
				  - { report_type: dmca, strikes: 4, propose: suspension }
				  - { report_type: phishing, strikes: 9, propose: account_review }
				""");
		assertThat(valid.problems()).isEmpty();
		assertThat(valid.policy().ladder()).extracting(
				(step) -> step.reportType() + " " + step.strikes() + " " + step.propose() + " " + step.policyVersion())
			.containsExactly("dmca 2 warning default-3", "dmca 4 suspension default-3",
					"phishing 9 account_review default-3");
		int line = withoutLadder.split("\n", -1).length;
		assertThat(check(withoutLadder + """
				repeat_infringers:
				  - { report_type: dmca, strikes: 3, propose: account_review }
				  - { report_type: dmca, strikes: 2, propose: suspension }
				  - { report_type: dmca, strikes: 5, propose: warning }
				  - { report_type: dmcaa, strikes: 1, propose: warning }
				  - { report_type: general, strikes: 0, propose: warning }
				  - { report_type: general, strikes: 1, propose: ban }
				""")).extracting(PolicyProblem::toString)
			.containsExactly(
					(line + 2) + ":5: the steps of dmca must go from warning to account_review to "
							+ "suspension, each at more strikes than the one before",
					(line + 3) + ":5: the steps of dmca must go from warning to account_review to "
							+ "suspension, each at more strikes than the one before",
					(line + 4) + ":20: unknown report_type dmcaa",
					(line + 5) + ":38: strikes must be a whole number from 1 to 1000",
					(line + 6) + ":50: unknown measure ban; one of warning, account_review, suspension");
	}

	@Test
	void campaignSettingsAreCheckedAndWhatTheyOmitIsLeftToTheConfiguration() {
		String rules = """
				rules:
				  - id: all
				    plan: { review: one, priority: p3, due: 72h, explanation: Looked at. }
				""";
		List<PolicyProblem> problems = check("""
				version: campaigns-1
				campaigns:
				  window: 0
				  min_reporters: 1
				  similarity: 1.5
				  forward_budget: lots
				  min_tokens: 3
				""" + rules);
		assertThat(problems).extracting(PolicyProblem::toString)
			.containsExactly("3:11: window must be longer than 0",
					"4:18: min_reporters must be a whole number from 2 to 100000",
					"5:15: similarity must be a number above 0 and at most 1, e.g. 0.7",
					"6:19: forward_budget must be a whole number from 0 to 100000",
					"7:3: unknown key min_tokens; expected one of at_risk_forward_budget, forward_budget, "
							+ "min_near_identical, min_reporters, min_token_reports, similarity, window");

		CompiledPolicy policy = PolicyCompiler.compile("""
				version: campaigns-2
				campaigns:
				  window: 6h
				  min_token_reports: 4
				""" + rules).policy();
		assertThat(policy.campaignSettings().window()).hasHours(6);
		assertThat(policy.campaignSettings().minTokenReports()).isEqualTo(4);
		assertThat(policy.campaignSettings().minReporters()).isNull();
		assertThat(policy.campaignSettings().policyVersion()).isEqualTo("campaigns-2");
		assertThat(PolicyCompiler.compile("version: none-1\n" + rules).policy().campaignSettings().window()).isNull();
	}

}
