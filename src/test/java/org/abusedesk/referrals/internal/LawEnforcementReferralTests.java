package org.abusedesk.referrals.internal;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.audit.AuditLog;
import org.abusedesk.DeskTest;
import org.abusedesk.access.Role;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.referrals.Referrals;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: an emergency produces a law-enforcement referral to the authority configured
 * for the country concerned (Europol when unknown), sent through the outbox, recorded on
 * the case and exported; and the emergency guardrail wants the record, not just the plan.
 */
class LawEnforcementReferralTests extends DeskTest {

	@Autowired
	private Referrals referrals;

	@Autowired
	private AuditLog audit;

	@Autowired
	private PolicyDocuments policies;

	@Test
	void anEmergencyIsReferredToTheAuthorityOfTheCountryConcerned() {
		long caseId = fileThreat("DE");
		assertThat(declare(caseId).status()).isEqualTo(200);

		assertThat(this.referrals.ofCase(caseId)).singleElement().satisfies((referral) -> {
			assertThat(referral.kind()).isEqualTo("law_enforcement_referral");
			assertThat(referral.authority()).isEqualTo("BKA");
			assertThat(referral.country()).isEqualTo("DE");
			assertThat(referral.channel()).isEqualTo("smtp");
			assertThat(referral.status()).isEqualTo("queued");
		});
		MimeMessage sent = awaitMessageTo("referrals@bka.example", "Law enforcement referral: case " + caseId);
		assertThat(body(sent)).contains("To BKA,")
			.contains("country concerned: DE")
			.contains("https://blog." + this.catalog.hostedZone() + "/login.php")
			.contains("Basis")
			.contains("our staff declared an emergency")
			.contains("Actions taken")
			.doesNotContain(this.catalog.reporter());
		assertThat(this.audit.entries("case:" + caseId)).extracting(AuditLog.Entry::action)
			.containsSubsequence("case.emergency_declared", "referral.recorded");
		// counted in the transparency report by country (other tests may refer the same
		// day)
		assertThat(rowsWhere(todaysTransparencyReport().at("/sections/referrals/law_enforcement_by_country"), "country",
				"DE"))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("queued").asLong()).isPositive());
	}

	@Test
	void anEmergencyWhoseCountryIsUnknownGoesToEuropol() {
		long caseId = fileThreat(null);
		assertThat(declare(caseId).status()).isEqualTo(200);
		assertThat(this.referrals.ofCase(caseId)).singleElement()
			.satisfies((referral) -> assertThat(referral.authority()).isEqualTo("Europol"));
		assertThat(body(awaitMessageTo("referrals@europol.example", "Law enforcement referral: case " + caseId)))
			.contains("country concerned: unknown");
	}

	@Test
	void theGuardrailRefusesAnEmergencyBlockWithoutAReferralOnRecord() {
		long caseId = fileThreat("DE");
		assertThat(declare(caseId).status()).isEqualTo(200);
		// the record is lost (the plan still names the referral)
		this.jdbc.sql("delete from referral where case_id = :case").param("case", caseId).update();

		String second = staffToken("second", Role.LEGAL);
		assertThat(answer(caseId, staffToken("first", Role.SENIOR)).status()).isEqualTo(200);
		Api.Response refused = answer(caseId, second);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).isEqualTo("Case " + caseId
				+ " has no law-enforcement referral on record; an emergency block needs one before it takes effect.");
		assertThat(this.mitigations.ofCase(caseId)).isEmpty();

		// staff refer the case; now the second approval puts the block into force
		Api.Response referred = this.api.post("/api/v1/cases/" + caseId + "/referrals",
				"{\"basis\": \"A named person is threatened with an attack tonight.\", \"country\": \"DE\"}",
				staffToken("referrer", Role.REVIEWER));
		assertThat(referred.status()).as(referred.body()).isEqualTo(200);
		assertThat(referred.json().get("authority").asString()).isEqualTo("BKA");
		Api.Response approved = answer(caseId, second);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("approved");
		assertThat(this.mitigations.ofCase(caseId)).isNotEmpty();
	}

	@Test
	void staffReferralsAreExportedToLegalOnly() {
		long caseId = fileThreat(null);
		Api.Response missing = this.api.post("/api/v1/cases/" + caseId + "/referrals", "{}",
				staffToken("referrer", Role.REVIEWER));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body()).contains("basis").contains("required");
		Api.Response referred = this.api.post("/api/v1/cases/" + caseId + "/referrals",
				"{\"basis\": \"Threats against a journalist.\"}", staffToken("referrer", Role.SENIOR));
		assertThat(referred.status()).as(referred.body()).isEqualTo(200);
		assertThat(this.api
			.post("/api/v1/cases/" + caseId + "/referrals", "{\"basis\": \"Again.\"}", staffToken("again", Role.SENIOR))
			.status()).isEqualTo(409);

		assertThat(this.api.get("/api/v1/referrals", staffToken("reviewer", Role.REVIEWER)).status()).isEqualTo(403);
		Api.Response exported = this.api.get("/api/v1/referrals", staffToken("legal", Role.LEGAL));
		assertThat(exported.status()).as(exported.body()).isEqualTo(200);
		assertThat(exported.json().valueStream().filter((referral) -> referral.get("case_id").asLong() == caseId))
			.singleElement()
			.satisfies((referral) -> {
				assertThat(referral.get("authority").asString()).isEqualTo("Europol");
				assertThat(referral.get("basis").asString())
					.isEqualTo("Referred by our staff: Threats against a journalist.");
				assertThat(referral.get("requested_by").asString()).isEqualTo("staff:referrer-" + this.catalog.id());
			});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !messagesTo("referrals@europol.example", "Law enforcement referral: case " + caseId)
				.isEmpty());
	}

	/**
	 * The composer writes no message for a referral (the referrals module does): a plan
	 * that names one at intake, not only an emergency's, must leave a referral on record
	 * and a message at the authority, never silence; and its basis is the rule, not an
	 * emergency nobody declared (the basis used to claim one whatever the plan).
	 */
	@Test
	void aPlanNamingAReferralAtIntakeIsReferredWithItsRuleAsBasisNotAnUndeclaredEmergency() {
		String before = this.policies.active().document();
		String draft = before.replaceFirst("version: \\S+", "version: referring-" + this.catalog.id())
			.replaceFirst("\nrules:\n", """

					rules:
					  - id: general.referred
					    match: { service: hosting, report_type: general }
					    plan:
					      notify: [law_enforcement_referral]
					      review: one
					      priority: p1
					      due: 4h
					      explanation: We informed law enforcement, and a person reviews the report.
					""");
		this.policies.activate(draft, "test");
		try {
			long caseId = fileThreat("DE");
			assertThat(this.referrals.ofCase(caseId)).singleElement().satisfies((referral) -> {
				assertThat(referral.kind()).isEqualTo("law_enforcement_referral");
				assertThat(referral.authority()).isEqualTo("BKA");
				assertThat(referral.requestedBy()).isEqualTo("system");
			});
			assertThat(body(awaitMessageTo("referrals@bka.example", "Law enforcement referral: case " + caseId)))
				.contains("The case's plan calls for a law-enforcement referral (policy referring-" + this.catalog.id()
						+ ", rule general.referred): We informed law enforcement")
				.doesNotContain("declared an emergency");
		}
		finally {
			this.policies.activate(before, "test");
		}
	}

	private long fileThreat(String country) {
		String body = """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"%s},
				 "urls": ["https://blog.%s/login.php"],
				 "justification": "A post names a person and a time to attack them tonight.",
				 "notify": {"host": "send", "owner": "send"},
				 "good_faith": true}""".formatted(this.catalog.reporter(),
				(country != null) ? ", \"country\": \"" + country + "\"" : "", this.catalog.hostedZone());
		Api.Response created = this.api.post("/api/v1/reports/general", body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return caseOf(created.json().get("id").asLong());
	}

	private Api.Response declare(long caseId) {
		return this.api.post("/api/v1/cases/" + caseId + "/emergency",
				"{\"justification\": \"A post names a person and a time to attack them tonight.\"}",
				staffToken("declarer", Role.REVIEWER));
	}

	private Api.Response answer(long caseId, String token) {
		return this.api.post("/api/v1/cases/" + caseId + "/approvals",
				"{\"decision\": \"approve\", \"reason\": \"Verified by phone.\"}", token);
	}

}
