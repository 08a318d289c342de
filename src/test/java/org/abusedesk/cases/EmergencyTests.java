package org.abusedesk.cases;

import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.DeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.cases.CaseWorkException;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An emergency from declaration to expiry: the plan proposes an emergency block, which
 * takes effect only after two approvers distinct from the declarer and each other, and
 * lapses when it expires; every step is in the case history.
 */
class EmergencyTests extends DeskTest {

	@Autowired
	private AuditLog audit;

	@Autowired
	private CaseWork work;

	private long caseId;

	@BeforeEach
	void fileAGeneralReport() {
		Api.Response created = this.api.post("/api/v1/reports/general",
				this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"), null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.caseId = caseOf(created.json().get("id").asLong());
	}

	private String staff(String name, Role role) {
		return this.tokens.issue(name + "-" + this.catalog.id(), role, "test", null);
	}

	private Api.Response declare(String token, String justification) {
		String body = (justification != null) ? "{\"justification\": \"" + justification + "\"}" : "{}";
		return this.api.post("/api/v1/cases/" + this.caseId + "/emergency", body, token);
	}

	private Api.Response answer(String token, String decision) {
		return this.api.post("/api/v1/cases/" + this.caseId + "/approvals",
				"{\"decision\": \"" + decision + "\", \"reason\": \"Life at risk, verified by phone.\"}", token);
	}

	/**
	 * Issue 19: the API makes the console's checks (in the emergency service, the one
	 * place for both): a case no longer open has no emergency declared on it.
	 */
	@Test
	void emergencyApiRefusesAClosedCase() {
		this.work.deny(this.caseId, new Actor("denier-" + this.catalog.id(), Role.REVIEWER),
				DenialReason.NO_ABUSE_FOUND, "Nothing there.");
		assertThat(caseStatus()).isEqualTo("rejected");

		Api.Response refused = declare(staff("declarer", Role.REVIEWER), "A post names a person to attack tonight.");

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("Case " + this.caseId + " is rejected; an emergency is declared only on an open case.");
		assertThat(caseStatus()).isEqualTo("rejected");
		assertThat(this.jdbc.sql("select count(*) from case_emergency where case_id = :id")
			.param("id", this.caseId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.audit.entries("case:" + this.caseId)).extracting(AuditLog.Entry::action)
			.doesNotContain("case.emergency_declared", "case.report_redecided");
		// the console refuses it the same way, from the same check
		assertThatThrownBy(() -> this.work.declareEmergency(this.caseId,
				new Actor("console-" + this.catalog.id(), Role.SENIOR), "A post names a person to attack tonight."))
			.isInstanceOfSatisfying(CaseWorkException.class, (ex) -> {
				assertThat(ex.kind()).isEqualTo(CaseWorkException.Kind.CONFLICT);
				assertThat(ex.getMessage())
					.isEqualTo("Case " + this.caseId + " is rejected; an emergency is declared only on an open case.");
			});
	}

	@Test
	void emergencyApiRefusesTheRolesTheConsoleRefuses() {
		for (Role role : List.of(Role.AGENT, Role.LEGAL, Role.EDGE)) {
			assertThat(declare(staff("declarer-" + role.wire(), role), "A threat to life.").status()).as(role.wire())
				.isEqualTo(403);
			// the console's service says the same
			assertThatThrownBy(() -> this.work.declareEmergency(this.caseId,
					new Actor("console-" + role.wire() + "-" + this.catalog.id(), role), "A threat to life."))
				.isInstanceOfSatisfying(CaseWorkException.class,
						(ex) -> assertThat(ex.kind()).isEqualTo(CaseWorkException.Kind.FORBIDDEN));
		}
		assertThat(caseStatus()).isEqualTo("triage");
		assertThat(this.audit.entries("case:" + this.caseId)).extracting(AuditLog.Entry::action)
			.doesNotContain("case.emergency_declared");
	}

	private String caseStatus() {
		return this.jdbc.sql("select status from abuse_case where id = :id")
			.param("id", this.caseId)
			.query(String.class)
			.single();
	}

	@Test
	void emergencyBlockTakesEffectOnlyAfterTheSecondDistinctApprovalAndExpires() {
		String declarer = staff("declarer", Role.REVIEWER);
		String first = staff("first", Role.SENIOR);
		String second = staff("second", Role.LEGAL);

		assertThat(declare(declarer, null).status()).isEqualTo(422);
		assertThat(declare(declarer, "x".repeat(5001)).status()).isEqualTo(422);
		Api.Response declared = declare(declarer, "A post names a person and a time to attack them tonight.");
		assertThat(declared.status()).as(declared.body()).isEqualTo(200);
		JsonNode plan = declared.json().at("/decisions/0/plan");
		assertThat(plan.get("rule").asString()).isEqualTo("emergency");
		assertThat(plan.get("review").asString()).isIn("TWO_DISTINCT_APPROVERS", "two_distinct_approvers");
		assertThat(declare(declarer, "again").status()).isEqualTo(409);

		assertThat(answer(declarer, "approve").status()).isEqualTo(422);
		Api.Response once = answer(first, "approve");
		assertThat(once.status()).as(once.body()).isEqualTo(200);
		assertThat(once.json().get("status").asString()).isEqualTo("awaiting_approval");
		assertThat(answer(first, "approve").status()).isEqualTo(422);
		assertThat(this.mitigations.ofCase(this.caseId)).isEmpty();

		Api.Response twice = answer(second, "approve");
		assertThat(twice.status()).as(twice.body()).isEqualTo(200);
		assertThat(twice.json().get("status").asString()).isEqualTo("approved");
		List<Mitigations.Mitigation> taken = this.mitigations.ofCase(this.caseId);
		// one block per reported URL, never the whole site
		String host = "https://blog." + this.catalog.hostedZone();
		assertThat(taken).extracting(Mitigations.Mitigation::target)
			.containsExactly(host + "/login.php", host + "/pay.php");
		assertThat(taken).allSatisfy((mitigation) -> {
			assertThat(mitigation.type()).isEqualTo("emergency_block");
			assertThat(mitigation.status()).isEqualTo(MitigationStatus.ACTIVE);
			assertThat(Duration.between(mitigation.effectiveAt(), mitigation.expiresAt())).hasHours(72);
			assertThat(mitigation.reviewAt()).isBefore(mitigation.expiresAt());
		});

		this.mitigations.expireDue(Instant.now().plus(Duration.ofHours(73)), 1000);
		assertThat(this.mitigations.ofCase(this.caseId)).hasSize(2)
			.allSatisfy((mitigation) -> assertThat(mitigation.status()).isEqualTo(MitigationStatus.REMOVED));

		assertThat(this.audit.entries("case:" + this.caseId)).extracting(AuditLog.Entry::action)
			.containsSubsequence("case.emergency_declared", "case.report_redecided", "case.emergency_answered",
					"case.emergency_answered", "case.emergency_approved", "mitigation.activated", "mitigation.expired");
		assertThat(this.jdbc.sql("select status from abuse_case where id = :id")
			.param("id", this.caseId)
			.query(String.class)
			.single()).isEqualTo("actioned");
	}

	@Test
	void aRefusalEndsTheEmergencyWithoutAMitigation() {
		String declarer = staff("declarer", Role.ADMIN);
		String refuser = staff("refuser", Role.REVIEWER);
		assertThat(declare(declarer, "Threat to a named person.").status()).isEqualTo(200);
		assertThat(answer(refuser, "refuse").status()).isEqualTo(200);
		assertThat(answer(staff("late", Role.SENIOR), "approve").status()).isEqualTo(409);
		assertThat(this.mitigations.ofCase(this.caseId)).isEmpty();
		assertThat(this.audit.entries("case:" + this.caseId)).extracting(AuditLog.Entry::action)
			.contains("case.emergency_answered");
	}

}
