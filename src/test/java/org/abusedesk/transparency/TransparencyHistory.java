package org.abusedesk.transparency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeded histories of the transparency report, each in a month nothing else in the test
 * run touches, written once per test run whichever test needs them first: March 2021
 * (reports, actions, times) and June 2020 (appeals, authority requests, referrals).
 */
public final class TransparencyHistory {

	private static boolean march2021;

	private static boolean june2020;

	private TransparencyHistory() {
	}

	/** Eight reports in March 2021 and one in April, with their restrictions. */
	public static synchronized void march2021(JdbcClient jdbc) {
		if (!march2021) {
			new March2021(jdbc).seed();
			march2021 = true;
		}
	}

	/**
	 * Appeals, counter-notices, strikes, authority requests and referrals in June 2020,
	 * with rows in May and July that must not count.
	 */
	public static synchronized void june2020(JdbcClient jdbc) {
		if (!june2020) {
			June2020 june = new June2020(jdbc);
			june.seedAppeals();
			june.seedAuthorityRequests();
			june.seedReferrals();
			june2020 = true;
		}
	}

	private static final class March2021 {

		private static final Instant T0 = Instant.parse("2021-03-10T00:00:00Z");

		private final JdbcClient jdbc;

		March2021(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		/**
		 * Eight reports in March 2021 and one in April; three restrictions that took
		 * effect and one withdrawn before it did.
		 */
		private void seed() {
			long phishingCase = kase("phishing");
			long legalCase = kase("legal_order");
			long generalCase = kase("general");
			long dmcaCase = kase("dmca");
			report("phishing", "api", "individual", "accepted", "hosting", false, null, 0, 10, phishingCase);
			report("phishing", "api", "individual", "accepted", "hosting", false, null, 0, 20, phishingCase);
			report("phishing", "form", "trusted_flagger", "accepted", "proxy", false, null, 0, 60, phishingCase);
			report("dmca", "email", "rights_holder", "accepted", "hosting", false, null, 100, 100, dmcaCase);
			report("dmca", "api", "individual", "denied", "hosting", true, null, 100, 300, null);
			report("legal_order", "api", "government", "accepted", "hosting", false, "DE", 200, 30, legalCase);
			report("legal_order", "api", "government", "denied", "hosting", false, "FR", 200, 30, null);
			report("general", "email", "trusted_flagger", "denied", "proxy", false, null, 300, 5, generalCase);
			// outside the period
			this.jdbc
				.sql("""
						insert into report (tracking_code, type, status, reporter_kind, notify_host, notify_owner, good_faith,
						    target, services, received_at, decided_at)
						values (:code, 'phishing', 'accepted', 'individual', 'send', 'send', true, 'x.example', '{hosting}',
						    '2021-04-05T00:00:00Z', '2021-04-05T00:00:10Z')""")
				.param("code", "AD-SEED-" + UUID.randomUUID())
				.update();
			mitigation(phishingCase, "phishing_interstitial", "active", 3600, "DECISION_GROUND_INCOMPATIBLE_CONTENT");
			mitigation(legalCase, "legal_block", "removed", 200 + 7200, "DECISION_GROUND_ILLEGAL_CONTENT");
			mitigation(generalCase, "emergency_block", "removed", 300 + 600, "DECISION_GROUND_ILLEGAL_CONTENT");
			mitigation(dmcaCase, "content_disable", "cancelled", 1000, "DECISION_GROUND_INCOMPATIBLE_CONTENT");
		}

		private long kase(String type) {
			return this.jdbc
				.sql("""
						insert into abuse_case (status, property_id, property, account_ref, report_type, priority, opened_at)
						values ('closed', :property, 'seeded.example', 'seeded-account', :type, 'p3', :opened)
						returning id""")
				.param("property", 800_000_000_000L + (System.nanoTime() % 100_000_000L))
				.param("type", type)
				.param("opened", Timestamp.from(T0))
				.query(Long.class)
				.single();
		}

		private void report(String type, String channel, String kind, String status, String service, boolean atRisk,
				String jurisdiction, int receivedAfter, int decidedAfter, Long caseId) {
			Instant received = T0.plusSeconds(receivedAfter);
			long id = this.jdbc
				.sql("""
						insert into report (tracking_code, type, status, reporter_kind, notify_host, notify_owner, good_faith,
						    target, services, received_at, decided_at, channel, account_at_risk, details)
						values (:code, :type, :status, :kind, 'send', 'send', true, 'seeded.example', cast(:services as text[]),
						    :received, :decided, :channel, :at_risk, cast(:details as jsonb))
						returning id""")
				.param("code", "AD-SEED-" + UUID.randomUUID())
				.param("type", type)
				.param("status", status)
				.param("kind", kind)
				.param("services", "{" + service + "}")
				.param("received", Timestamp.from(received))
				.param("decided", Timestamp.from(received.plus(Duration.ofSeconds(decidedAfter))))
				.param("channel", channel)
				.param("at_risk", atRisk)
				.param("details", (jurisdiction != null) ? "{\"jurisdiction\": \"" + jurisdiction + "\"}" : "{}")
				.query(Long.class)
				.single();
			if (caseId != null) {
				this.jdbc.sql("insert into case_report (case_id, report_id) values (:case, :report)")
					.param("case", caseId)
					.param("report", id)
					.update();
			}
		}

		private void mitigation(long caseId, String type, String status, int effectiveAfter, String ground) {
			this.jdbc.sql("""
					insert into mitigation (case_id, type, entity_type, status, effective_at, decision_ground, target)
					values (:case, :type, 'url_pattern', :status, :effective, :ground, 'https://seeded.example/x')""")
				.param("case", caseId)
				.param("type", type)
				.param("status", status)
				.param("effective", Timestamp.from(T0.plusSeconds(effectiveAfter)))
				.param("ground", ground)
				.update();
		}

	}

	private static final class June2020 {

		private static final Instant T0 = Instant.parse("2020-06-10T00:00:00Z");

		private static final Instant MAY = Instant.parse("2020-05-31T23:00:00Z");

		private static final Instant JULY = Instant.parse("2020-07-02T00:00:00Z");

		private final JdbcClient jdbc;

		June2020(JdbcClient jdbc) {
			this.jdbc = jdbc;
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
			this.jdbc
				.sql("""
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
			long report = this.jdbc
				.sql("""
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
			this.jdbc
				.sql("""
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
			this.jdbc
				.sql("""
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
			this.jdbc
				.sql("""
						insert into case_campaign (case_id, account_ref, reports, reporters, near_identical, similarity,
						    since, flagged_at, updated_at)
						values (:case, 'seeded-account', :reports, :reports, :reports, 0.9, :flagged, :flagged, :flagged)""")
				.param("case", kase())
				.param("reports", reports)
				.param("flagged", Timestamp.from(flagged))
				.update();
		}

		private long kase() {
			return this.jdbc
				.sql("""
						insert into abuse_case (status, property_id, property, account_ref, report_type, priority, opened_at)
						values ('closed', :property, 'seeded.example', 'seeded-account', 'general', 'p3', :opened)
						returning id""")
				.param("property", 810_000_000_000L + (System.nanoTime() % 100_000_000L))
				.param("opened", Timestamp.from(T0))
				.query(Long.class)
				.single();
		}

		private long mitigation(long caseId, String type, String status, Instant effective) {
			return this.jdbc.sql("""
					insert into mitigation (case_id, type, entity_type, status, effective_at, decision_ground, target)
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

}
