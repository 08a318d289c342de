package org.abusedesk.transparency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sections the modules that own the data add to the transparency report: appeals,
 * counter-notices and strikes ({@code appeals}), requests from authorities
 * ({@code campaigns}), referrals and campaigns ({@code referrals}). Their numbers on a
 * seeded history in June 2020 (nothing else in the test run touches it), with rows just
 * outside the period that must not count, over HTTP in every format.
 */
class RedressAuthorityReferralSectionsTests extends IntegrationTest {

	private static final Instant T0 = Instant.parse("2020-06-10T00:00:00Z");

	private static final Instant MAY = Instant.parse("2020-05-31T23:00:00Z");

	private static final Instant JULY = Instant.parse("2020-07-02T00:00:00Z");

	private static final String PERIOD = "/api/v1/transparency/report?from=2020-06-01&to=2020-06-30";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StaffTokens tokens;

	private Api api;

	private String agent;

	private static boolean seeded;

	@BeforeEach
	void seedTheHistory() {
		this.api = api();
		this.agent = this.tokens.issue("sections-agent-" + UUID.randomUUID(), Role.AGENT, "test", null);
		synchronized (RedressAuthorityReferralSectionsTests.class) {
			if (!seeded) {
				seedAppeals();
				seedAuthorityRequests();
				seedReferrals();
				seeded = true;
			}
		}
	}

	@Test
	void theAppealsSectionCountsAppealsCounterNoticesAndStrikes() {
		JsonNode appeals = sections().get("appeals");
		assertThat(appeals.get("filed").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":3,\"removed\":2,\"misclassified\":1,\"other\":0},"
					+ "{\"party\":\"reporter\",\"count\":1,\"removed\":0,\"misclassified\":0,\"other\":1}]");
		assertThat(appeals.get("decided").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":2,\"upheld\":1,\"reversed\":1,\"modified\":0},"
					+ "{\"party\":\"reporter\",\"count\":2,\"upheld\":1,\"reversed\":0,\"modified\":1}]");
		// customer: 100 s and 300 s; reporter: 1000 s and 9 days 1 h 40 s (filed in May)
		assertThat(appeals.get("time_to_decide").toString())
			.isEqualTo("[" + "{\"party\":\"customer\",\"count\":2,\"median_seconds\":200.0,\"p90_seconds\":280.0},"
					+ "{\"party\":\"reporter\",\"count\":2,\"median_seconds\":391120.0,\"p90_seconds\":703216.0},"
					+ "{\"party\":\"all\",\"count\":4,\"median_seconds\":650.0,\"p90_seconds\":547168.0}]");
		assertThat(rows(appeals.get("counter_notices"), "counter_notices")).containsExactly("filed=2",
				"content_restored=2", "action_filed=1");
		assertThat(rows(appeals.get("strikes"), "party")).containsExactly("customer=2", "reporter=1");
		assertThat(rows(appeals.get("reporter_suspensions"), "reporter_suspensions")).containsExactly("all=1");
	}

	@Test
	void theAuthorityRequestsSectionCountsRequestsByCountryWithOutcomes() {
		JsonNode requests = sections().get("authority_requests");
		assertThat(requests.get("by_country").toString())
			.isEqualTo("[" + "{\"country\":\"DE\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1},"
					+ "{\"country\":\"FR\",\"count\":1,\"submitted\":0,\"accepted\":1,\"denied\":0},"
					+ "{\"country\":\"unknown\",\"count\":1,\"submitted\":1,\"accepted\":0,\"denied\":0}]");
		assertThat(requests.get("by_reporter_kind").toString()).isEqualTo("["
				+ "{\"reporter_kind\":\"government\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1},"
				+ "{\"reporter_kind\":\"law_enforcement\",\"count\":2,\"submitted\":1,\"accepted\":1,\"denied\":0}]");
		assertThat(requests.get("at_risk").toString())
			.isEqualTo("[{\"requests\":\"at_risk\",\"count\":2,\"submitted\":1,\"accepted\":0,\"denied\":1}]");
		assertThat(requests.get("citing_policy").toString())
			.isEqualTo("[{\"requests\":\"cites_policy\",\"count\":1,\"submitted\":0,\"accepted\":0,\"denied\":1}]");
		assertThat(requests.get("legal_orders_by_country").toString())
			.isEqualTo("[{\"country\":\"DE\",\"count\":2,\"submitted\":0,\"accepted\":1,\"denied\":1}]");
	}

	@Test
	void theReferralsSectionCountsReferralsEmergencyBlocksAndCampaigns() {
		JsonNode referrals = sections().get("referrals");
		assertThat(rows(referrals.get("ncmec"), "ncmec_reports")).containsExactly("made=2", "submitted=2");
		assertThat(referrals.get("law_enforcement_by_country").toString())
			.isEqualTo("[{\"country\":\"DE\",\"count\":2,\"queued\":1,\"submitted\":1,\"failed\":0},"
					+ "{\"country\":\"unknown\",\"count\":1,\"queued\":0,\"submitted\":1,\"failed\":0}]");
		assertThat(rows(referrals.get("emergency_blocks"), "emergency_blocks")).containsExactly("all=1");
		assertThat(rows(referrals.get("campaigns"), "campaigns")).containsExactly("flagged=2", "reports_in_flagged=55");
	}

	@Test
	void theNewSectionsRenderInEveryFormat() {
		Api.Response md = this.api.get(PERIOD + "&format=md", this.agent);
		assertThat(md.status()).as(md.body()).isEqualTo(200);
		assertThat(md.body()).contains("## Appeals, counter-notices and strikes", "| customer | 3 | 2 | 1 | 0 |",
				"## Requests from authorities", "| DE | 2 | 0 | 1 | 1 |", "## Referrals and campaigns",
				"| flagged | 2 |");
		Api.Response csv = this.api.get(PERIOD + "&format=csv", this.agent);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("\nappeals,decided,customer,reversed,1\n",
				"\nappeals,time_to_decide,all,median_seconds,650.0\n", "\nauthority_requests,by_country,DE,denied,1\n",
				"\nreferrals,law_enforcement_by_country,unknown,submitted,1\n", "\nreferrals,ncmec,made,count,2\n");
		Api.Response html = this.api.get(PERIOD + "&format=html", this.agent);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body())
			.contains("<h2>Appeals, counter-notices and strikes</h2>",
					"<td>reporter</td><td>2</td><td>1</td><td>0</td><td>1</td>", "<h2>Requests from authorities</h2>",
					"<td>at_risk</td><td>2</td>", "<h2>Referrals and campaigns</h2>",
					"<td>reports_in_flagged</td><td>55</td>")
			.doesNotContain("<script");
	}

	@Test
	void anEmptyPeriodStillRendersTheNewSections() {
		for (String format : List.of("json", "md", "csv", "html")) {
			Api.Response response = this.api
				.get("/api/v1/transparency/report?from=2019-02-01&to=2019-02-02&format=" + format, this.agent);
			assertThat(response.status()).as(format + ": " + response.body()).isEqualTo(200);
		}
		JsonNode sections = this.api.get("/api/v1/transparency/report?from=2019-02-01&to=2019-02-02", this.agent)
			.json()
			.get("sections");
		assertThat(sections.at("/appeals/time_to_decide").toString())
			.isEqualTo("[{\"party\":\"all\",\"count\":0,\"median_seconds\":null,\"p90_seconds\":null}]");
		assertThat(sections.at("/authority_requests/by_country").toString()).isEqualTo("[]");
		assertThat(rows(sections.get("referrals").get("ncmec"), "ncmec_reports")).containsExactly("made=0",
				"submitted=0");
	}

	private JsonNode sections() {
		Api.Response response = this.api.get(PERIOD, this.agent);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("sections");
	}

	private static List<String> rows(JsonNode table, String key) {
		return table.valueStream().map((row) -> row.get(key).asString() + "=" + row.get("count").asString()).toList();
	}

	private void seedAppeals() {
		appeal("customer", "removed", T0, T0.plusSeconds(100), "reversed");
		appeal("customer", "removed", T0.plusSeconds(10), T0.plusSeconds(310), "upheld");
		appeal("customer", "misclassified", T0.plusSeconds(20), null, null);
		appeal("reporter", "other", T0.plusSeconds(30), T0.plusSeconds(1030), "upheld");
		appeal("reporter", "misclassified", MAY, T0.plusSeconds(40), "modified");
		appeal("customer", "other", JULY, JULY.plusSeconds(5), "upheld");
		counterNotice(T0, T0.plusSeconds(1000), null);
		counterNotice(T0.plusSeconds(50), null, T0.plusSeconds(500));
		counterNotice(MAY, T0.plusSeconds(60), null);
		strike("customer", T0);
		strike("customer", T0.plusSeconds(5));
		strike("reporter", T0.plusSeconds(6));
		strike("customer", JULY);
		suspension(T0.plusSeconds(7));
		suspension(JULY);
	}

	private void seedAuthorityRequests() {
		authorityRequest("legal_order", "government", "DE", "accepted", false, false, T0);
		authorityRequest("legal_order", "government", "DE", "denied", true, true, T0.plusSeconds(1));
		authorityRequest("general", "law_enforcement", "FR", "accepted", false, false, T0.plusSeconds(2));
		authorityRequest("phishing", "law_enforcement", null, "submitted", true, false, T0.plusSeconds(3));
		authorityRequest("legal_order", "government", "DE", "accepted", false, false, JULY);
	}

	private void seedReferrals() {
		referral("ncmec_referral", "ncmec", null, "submitted", T0, T0.plusSeconds(30));
		referral("ncmec_referral", "ncmec", null, "failed", T0.plusSeconds(1), null);
		referral("ncmec_referral", "ncmec", null, "submitted", MAY, T0.plusSeconds(2));
		referral("law_enforcement_referral", "bka", "DE", "submitted", T0, T0.plusSeconds(3));
		referral("law_enforcement_referral", "bka", "DE", "queued", T0.plusSeconds(4), null);
		referral("law_enforcement_referral", "europol", null, "submitted", T0.plusSeconds(5), T0.plusSeconds(6));
		referral("law_enforcement_referral", "bka", "DE", "submitted", JULY, JULY);
		mitigation(kase(), "emergency_block", "active", T0.plusSeconds(8));
		mitigation(kase(), "emergency_block", "cancelled", T0.plusSeconds(9));
		mitigation(kase(), "emergency_block", "removed", JULY);
		campaign(5, T0);
		campaign(50, T0.plusSeconds(10));
		campaign(7, MAY);
	}

	private void appeal(String party, String reason, Instant filed, Instant decided, String outcome) {
		this.jdbc.sql("""
				insert into appeal (party, decision_ref, decision_at, reason, statement, status, filed_at, due_at,
				    decided_at, decided_by, outcome, outcome_reason)
				values (:party, :ref, :filed, :reason, 'seeded', :status, :filed, :filed, :decided, :by, :outcome,
				    :outcomeReason)""")
			.param("party", party)
			.param("ref", "seeded:" + UUID.randomUUID())
			.param("filed", Timestamp.from(filed))
			.param("reason", reason)
			.param("status", (outcome != null) ? "decided" : "open")
			.param("decided", (decided != null) ? Timestamp.from(decided) : null)
			.param("by", (outcome != null) ? "seeded-reviewer" : null)
			.param("outcome", outcome)
			.param("outcomeReason", (outcome != null) ? "seeded" : null)
			.update();
	}

	private void counterNotice(Instant filed, Instant restored, Instant actionFiled) {
		long caseId = kase();
		long mitigation = mitigation(caseId, "content_disable", "removed", filed.minusSeconds(3600));
		this.jdbc.sql("""
				insert into counter_notice (case_id, mitigation_id, account_ref, signature, material, location,
				    good_faith, name, address, phone, jurisdiction, status, filed_at, restore_at, restored_at,
				    action_filed_at)
				values (:case, :mitigation, 'seeded-account', 's', 'm', 'l', 'g', 'n', 'a', 'p', 'j', :status, :filed,
				    :restoreAt, :restored, :action)""")
			.param("case", caseId)
			.param("mitigation", mitigation)
			.param("status", (restored != null) ? "restored" : (actionFiled != null) ? "action_filed" : "waiting")
			.param("filed", Timestamp.from(filed))
			.param("restoreAt", Timestamp.from(filed.plus(Duration.ofDays(14))))
			.param("restored", (restored != null) ? Timestamp.from(restored) : null)
			.param("action", (actionFiled != null) ? Timestamp.from(actionFiled) : null)
			.update();
	}

	private void strike(String party, Instant recorded) {
		this.jdbc.sql("""
				insert into strike (party, subject, report_type, basis, recorded_by, recorded_at, expires_at)
				values (:party, :subject, 'dmca', :basis, 'seeded', :recorded, :expires)""")
			.param("party", party)
			.param("subject", "seeded-" + UUID.randomUUID())
			.param("basis", "customer".equals(party) ? "upheld" : "manifestly_unfounded")
			.param("recorded", Timestamp.from(recorded))
			.param("expires", Timestamp.from(recorded.plus(Duration.ofDays(365))))
			.update();
	}

	private void suspension(Instant starts) {
		this.jdbc.sql("""
				insert into reporter_suspension (reporter, starts_at, until, strikes, reason)
				values (:reporter, :starts, :until, 3, 'seeded')""")
			.param("reporter", "seeded-" + UUID.randomUUID() + "@reporter.example")
			.param("starts", Timestamp.from(starts))
			.param("until", Timestamp.from(starts.plus(Duration.ofDays(30))))
			.update();
	}

	private void authorityRequest(String type, String kind, String country, String status, boolean atRisk,
			boolean citesPolicy, Instant received) {
		long report = this.jdbc.sql("""
				insert into report (tracking_code, type, status, reporter_kind, notify_host, notify_owner, good_faith,
				    target, services, received_at, decided_at, channel, account_at_risk, details)
				values (:code, :type, :status, :kind, 'send', 'send', true, 'seeded.example', '{hosting}',
				    :received, :received, 'api', :atRisk, '{}')
				returning id""")
			.param("code", "AD-SEED-" + UUID.randomUUID())
			.param("type", type)
			.param("status", status)
			.param("kind", kind)
			.param("received", Timestamp.from(received))
			.param("atRisk", atRisk)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into authority_request (report_id, reporter_kind, country, account_ref, property, at_risk,
				    cites_policy, received_at)
				values (:report, :kind, :country, 'seeded-account', 'seeded.example', :atRisk, :cites, :received)""")
			.param("report", report)
			.param("kind", kind)
			.param("country", country)
			.param("atRisk", atRisk)
			.param("cites", citesPolicy)
			.param("received", Timestamp.from(received))
			.update();
	}

	private void referral(String kind, String authority, String country, String status, Instant created,
			Instant submitted) {
		this.jdbc.sql("""
				insert into referral (case_id, kind, authority, country, channel, basis, requested_by, content, status,
				    created_at, submitted_at)
				values (:case, :kind, :authority, :country, :channel, 'seeded', 'seeded', '{}', :status, :created,
				    :submitted)""")
			.param("case", kase())
			.param("kind", kind)
			.param("authority", authority)
			.param("country", country)
			.param("channel", "ncmec_referral".equals(kind) ? "ncmec_api" : "smtp")
			.param("status", status)
			.param("created", Timestamp.from(created))
			.param("submitted", (submitted != null) ? Timestamp.from(submitted) : null)
			.update();
	}

	private void campaign(int reports, Instant flagged) {
		this.jdbc.sql("""
				insert into case_campaign (case_id, account_ref, reports, reporters, near_identical, similarity,
				    since, flagged_at, updated_at)
				values (:case, 'seeded-account', :reports, :reports, :reports, 0.9, :flagged, :flagged, :flagged)""")
			.param("case", kase())
			.param("reports", reports)
			.param("flagged", Timestamp.from(flagged))
			.update();
	}

	private long kase() {
		return this.jdbc.sql("""
				insert into abuse_case (status, property_id, property, account_ref, report_type, priority, opened_at)
				values ('closed', :property, 'seeded.example', 'seeded-account', 'general', 'normal', :opened)
				returning id""")
			.param("property", 810_000_000_000L + (System.nanoTime() % 100_000_000L))
			.param("opened", Timestamp.from(T0))
			.query(Long.class)
			.single();
	}

	private long mitigation(long caseId, String type, String status, Instant effective) {
		return this.jdbc.sql("""
				insert into mitigation (case_id, type, target, status, effective_at, decision_ground, target_value)
				values (:case, :type, 'url_pattern', :status, :effective, 'DECISION_GROUND_ILLEGAL_CONTENT',
				    'https://seeded.example/x')
				returning id""")
			.param("case", caseId)
			.param("type", type)
			.param("status", status)
			.param("effective", Timestamp.from(effective))
			.query(Long.class)
			.single();
	}

}
