package org.abusedesk.appeals;

import org.abusedesk.WebForm;
import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.identity.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.PolicyDocuments;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, strikes (DSA Art. 23): confirmed violations make an account a repeat
 * infringer, which the policy acts on; a reporter of manifestly unfounded notices is
 * warned, then suspended with an answer that says why and until when, and reports of
 * child sexual abuse material still pass.
 */
class StrikeTests extends EdgeDeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private MailIntake mailbox;

	@Autowired
	private PolicyDocuments policies;

	@Test
	void threeUpheldDmcaStrikesMakeTheAccountARepeatInfringerAndThePolicyFollows() {
		String host = "files." + this.catalog.hostedZone();
		long cursor = changeCursor();
		Api.Response first = this.api.post("/api/v1/reports/dmca", dmca(host, "/a.mp3", "/b.mp3", "/c.mp3"), null);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		long caseId = caseOf(first.json().get("id").asLong());
		assertThat(ruleOf(first.json().get("id").asLong())).isEqualTo("hosting.dmca");
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		List<Long> mitigations = latest(cursor, caseId).stream().map((m) -> m.get("id").asLong()).toList();
		assertThat(mitigations).hasSize(3);
		String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();

		// one batch with one reason; all or none
		Api.Response unknown = this.api.post("/api/v1/customer/appeals",
				"{\"mitigation_ids\": [%d, 999999999], \"reason\": \"other\", \"statement\": \"Licensed.\"}"
					.formatted(mitigations.get(0)),
				customer);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("mitigation_ids[1]");
		assertThat(unknown.json().at("/errors/0/code").asString()).isEqualTo("not_found");
		assertThat(appealsOf(caseId)).isZero();
		Api.Response batch = this.api.post("/api/v1/customer/appeals",
				"{\"mitigation_ids\": [%d, %d, %d], \"reason\": \"other\", \"statement\": \"We hold a licence.\"}"
					.formatted(mitigations.get(0), mitigations.get(1), mitigations.get(2)),
				customer);
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		List<Long> appeals = new ArrayList<>();
		batch.json().get("appeals").valueStream().forEach((a) -> appeals.add(a.get("id").asLong()));
		assertThat(appeals).hasSize(3);
		assertThat(caseStatus(caseId)).isEqualTo("appealed");

		String judge = staffToken("judge", Role.SENIOR);
		for (long appeal : appeals) {
			Api.Response upheld = this.api.post("/api/v1/appeals/" + appeal + "/decision",
					"{\"outcome\": \"upheld\", \"reason\": \"No licence was shown; the notice stands.\"}", judge);
			assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
		}
		assertThat(caseStatus(caseId)).isEqualTo("actioned");
		assertThat(latest(cursor, caseId))
			.allSatisfy((m) -> assertThat(m.get("status").asString()).isEqualTo("active"));
		JsonNode strikes = this.api.get("/api/v1/customer/strikes", customer).json().get("strikes");
		assertThat(strikes).hasSize(3)
			.allSatisfy((s) -> assertThat(s.get("basis").asString() + " " + s.get("report_type").asString())
				.isEqualTo("upheld dmca"));
		assertThat(this.audit.entries("case:" + caseId)).filteredOn((e) -> e.action().equals("strike.recorded"))
			.hasSize(3);

		// the policy's ladder proposes a warning at three strikes, for a senior to decide
		// with a statement of reasons
		JsonNode measures = this.api
			.get("/api/v1/account-measures?account_ref=hosting-" + this.catalog.id(), staffToken("agent", Role.AGENT))
			.json()
			.get("account_measures");
		assertThat(measures).singleElement().satisfies((m) -> {
			assertThat(m.get("measure").asString()).isEqualTo("warning");
			assertThat(m.get("strikes").asInt()).isEqualTo(3);
			assertThat(m.get("review").asString()).isEqualTo("senior");
			assertThat(m.get("status").asString()).isEqualTo("proposed");
			assertThat(m.get("statement").asString()).contains("3 confirmed dmca violations")
				.contains("Article 23")
				.contains("a warning from 3");
		});
		String decideMeasure = "/api/v1/account-measures/" + measures.get(0).get("id").asLong() + "/decision";
		String confirmed = "{\"decision\": \"confirmed\", \"reason\": \"Three upheld notices in a month.\"}";
		assertThat(this.api.post(decideMeasure, confirmed, staffToken("reviewer", Role.REVIEWER)).status())
			.isEqualTo(403);
		Api.Response decidedMeasure = this.api.post(decideMeasure, confirmed, staffToken("senior", Role.SENIOR));
		assertThat(decidedMeasure.status()).as(decidedMeasure.body()).isEqualTo(200);
		assertThat(decidedMeasure.json().get("status").asString()).isEqualTo("confirmed");
		assertThat(this.api.post(decideMeasure, confirmed, staffToken("senior", Role.SENIOR)).status()).isEqualTo(409);
		assertThat(
				body(awaitMessageTo(this.catalog.hoster(), "A measure on your account hosting-" + this.catalog.id())))
			.contains("3 confirmed dmca violations")
			.contains("Three upheld notices in a month.")
			.contains("out-of-court dispute settlement body");
		// and sees it with its strikes
		assertThat(this.api.get("/api/v1/customer/strikes", customer).json().get("measures")).singleElement()
			.satisfies((m) -> {
				assertThat(m.get("measure").asString()).isEqualTo("warning");
				assertThat(m.get("reason").asString()).isEqualTo("Three upheld notices in a month.");
				assertThat(m.has("decided_by")).isFalse();
			});

		// the next notice is decided with repeat_infringer true: a senior looks at the
		// account
		Api.Response fourth = this.api.post("/api/v1/reports/dmca", dmca(host, "/d.mp3"), null);
		assertThat(fourth.status()).as(fourth.body()).isEqualTo(201);
		assertThat(caseOf(fourth.json().get("id").asLong())).isEqualTo(caseId);
		assertThat(ruleOf(fourth.json().get("id").asLong())).isEqualTo("hosting.dmca_repeat_infringer");
		assertThat(this.jdbc.sql("""
				select count(*) from decision
				where report_id = :id and (facts ->> 'repeat_infringer')::boolean and review = 'senior'""")
			.param("id", fourth.json().get("id").asLong())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void changingTheLadderInThePolicyChangesTheProposal() throws Exception {
		String document = new ClassPathResource("policy/default-policy.yaml")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String lower = document.replaceFirst("version: default-\\d+", "version: ladder-" + this.catalog.id())
			.replace("{ report_type: dmca, strikes: 3, propose: warning }",
					"{ report_type: dmca, strikes: 1, propose: warning }")
			.replace("{ report_type: dmca, strikes: 5, propose: account_review }",
					"{ report_type: dmca, strikes: 2, propose: account_review }");
		assertThat(lower).contains("strikes: 1, propose: warning").contains("strikes: 2, propose: account_review");
		String host = "mix." + this.catalog.hostedZone();
		try {
			this.policies.activate(lower, "staff:test");
			Api.Response notice = this.api.post("/api/v1/reports/dmca", dmca(host, "/x.mp3", "/y.mp3"), null);
			assertThat(notice.status()).as(notice.body()).isEqualTo(201);
			long caseId = caseOf(notice.json().get("id").asLong());
			List<Long> mitigations = disableNow(caseId);
			String customer = this.customerTokens.issue("hosting-" + this.catalog.id(), "test").token();
			Api.Response batch = this.api.post("/api/v1/customer/appeals",
					"{\"mitigation_ids\": [%d, %d], \"reason\": \"other\", \"statement\": \"Licensed.\"}"
						.formatted(mitigations.get(0), mitigations.get(1)),
					customer);
			assertThat(batch.status()).as(batch.body()).isEqualTo(201);
			String judge = staffToken("judge", Role.SENIOR);
			batch.json()
				.get("appeals")
				.valueStream()
				.forEach((appeal) -> assertThat(this.api
					.post("/api/v1/appeals/" + appeal.get("id").asLong() + "/decision",
							"{\"outcome\": \"upheld\", \"reason\": \"No licence was shown.\"}", judge)
					.status()).isEqualTo(200));
			// a warning at the first strike, an account review at the second
			JsonNode measures = this.api
				.get("/api/v1/account-measures?account_ref=hosting-" + this.catalog.id(), this.admin)
				.json()
				.get("account_measures");
			assertThat(measures.valueStream()
				.map((m) -> m.get("measure").asString() + " " + m.get("strikes").asInt() + " "
						+ m.get("policy_version").asString())
				.toList()).containsExactly("account_review 2 ladder-" + this.catalog.id(),
						"warning 1 ladder-" + this.catalog.id());
			assertThat(measures.get(0).get("statement").asString()).contains("a review of the account")
				.contains("a warning from 1, a review of the account from 2");
			// and the account is a repeat infringer from the first step on
			Api.Response next = this.api.post("/api/v1/reports/dmca", dmca(host, "/z.mp3"), null);
			assertThat(caseOf(next.json().get("id").asLong())).isEqualTo(caseId);
			assertThat(ruleOf(next.json().get("id").asLong())).isEqualTo("hosting.dmca_repeat_infringer");
		}
		finally {
			this.policies.activate(document, "system");
		}
	}

	@Test
	void aReporterSuspendedForUnfoundedNoticesGetsAClearAnswerAndChildrenReportsStillPass() {
		String host = "wiki." + this.catalog.hostedZone();
		List<Long> reports = new ArrayList<>();
		long caseId = 0;
		for (String path : List.of("/one", "/two", "/three")) {
			Api.Response created = this.api.post("/api/v1/reports/phishing", phishing(host, path), null);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			reports.add(created.json().get("id").asLong());
			caseId = caseOf(created.json().get("id").asLong());
		}
		this.work.deny(caseId, reviewer("denier"), DenialReason.NO_ABUSE_FOUND, "A competitor's ordinary site.");
		String reviewer = staffToken("reviewer", Role.REVIEWER);
		String mark = "{\"report_id\": %d, \"note\": \"The page is a plain shop; no login form at all.\"}";

		assertThat(this.api
			.post("/api/v1/reporter-strikes", mark.formatted(reports.get(0)), staffToken("agent", Role.AGENT))
			.status()).isEqualTo(403);
		assertThat(
				this.api.post("/api/v1/reporter-strikes", "{\"report_id\": " + reports.get(0) + "}", reviewer).status())
			.isEqualTo(422);
		List<String> consequences = new ArrayList<>();
		for (long report : reports) {
			Api.Response marked = this.api.post("/api/v1/reporter-strikes", mark.formatted(report), reviewer);
			assertThat(marked.status()).as(marked.body()).isEqualTo(201);
			consequences.add(marked.json().get("consequence").asString());
		}
		assertThat(consequences).containsExactly("none", "warning", "suspension");
		assertThat(this.api.post("/api/v1/reporter-strikes", mark.formatted(reports.get(0)), reviewer).status())
			.isEqualTo(409);
		assertThat(body(awaitMessageTo(this.catalog.reporter(), "A warning about your notices")))
			.contains("manifestly unfounded");
		String suspended = body(awaitMessageTo(this.catalog.reporter(), "Your notices are suspended until"));
		assertThat(suspended).contains("3 of your notices").contains("Article 23");

		// a notice now gets an answer that says why and until when; nothing is decided
		Api.Response refused = this.api.post("/api/v1/reports/phishing", phishing(host, "/four"), null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Notices from you are suspended until")
			.contains("manifestly unfounded")
			.contains("child sexual abuse material are still accepted");
		Instant until = this.jdbc.sql("select max(until) from reporter_suspension where reporter = :r")
			.param("r", this.catalog.reporter())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(refused.body()).contains(until.toString());
		assertThat(until).isAfter(Instant.now().plus(Duration.ofDays(29)));
		// the web form says the same next to the reporter's name
		WebForm.Page form = new WebForm(this.port).submit("phishing",
				List.of(WebForm.Part.field("reporter_name", "Rita Reporter"),
						WebForm.Part.field("reporter_email", this.catalog.reporter()),
						WebForm.Part.field("email_confirm", this.catalog.reporter()),
						WebForm.Part.field("reporter_kind", "individual"),
						WebForm.Part.field("urls", "https://" + host + "/five\r\n"),
						WebForm.Part.field("justification", "A fake bank login page."),
						WebForm.Part.field("notify_host", "send"), WebForm.Part.field("notify_owner", "send-anon"),
						WebForm.Part.field("good_faith", "true")));
		assertThat(form.status()).isEqualTo(422);
		assertThat(form.body()).contains("Notices from you are suspended until " + until);
		// reports of child sexual abuse material still pass
		Api.Response children = this.api.post("/api/v1/reports/children", """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://%s/gallery/"], "justification": "Images of a child being abused.",
				 "notify": {"host": "send", "owner": "none", "ncmec": "send-anon"}, "good_faith": true}"""
			.formatted(this.catalog.reporter(), host), null);
		assertThat(children.status()).as(children.body()).isEqualTo(201);

		// the batch API refuses the item with the same words, and lets children reports
		// through
		Api.Response token = this.api.post("/api/v1/reporter-tokens", """
				{"label": "rita %s", "reporter_kind": "organisation", "name": "Rita Reporter", "email": "%s"}"""
			.formatted(this.catalog.id(), this.catalog.reporter()), this.admin);
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		Api.Response batch = this.api.post("/api/v1/reports:batch", """
				{"reports": [
				  {"type": "phishing", "report": {"urls": ["https://%1$s/six"], "justification": "A fake login.",
				   "notify": {"host": "send", "owner": "send"}, "good_faith": true}},
				  {"type": "children", "report": {"urls": ["https://%1$s/gallery2/"],
				   "justification": "Images of a child being abused.",
				   "notify": {"host": "send", "owner": "none", "ncmec": "send-anon"}, "good_faith": true}}
				]}""".formatted(host), token.json().get("token").asString());
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		assertThat(batch.json().at("/results/0/status").asString()).isEqualTo("rejected");
		assertThat(batch.json().at("/results/0/errors/0/code").asString()).isEqualTo("suspended");
		assertThat(batch.json().at("/results/0/errors/0/message").asString())
			.contains("Notices from you are suspended until " + until);
		assertThat(batch.json().at("/results/1/status").asString()).isEqualTo("submitted");

		// the abuse mailbox files nothing and answers why and until when
		byte[] mail = ("From: Rita Reporter <" + this.catalog.reporter() + ">\r\nTo: abuse@abusedesk.invalid\r\n"
				+ "Subject: Phishing site on " + host + "\r\nMessage-ID: <strike-" + this.catalog.id()
				+ "@reporter.example>\r\n\r\nHello,\r\n\r\nhttps://" + host
				+ "/seven.php is a phishing page copying my bank.\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		MailOutcome byMail = this.mailbox.receive(mail, "smtp", this.catalog.reporter());
		assertThat(byMail.status()).as(byMail.reason()).isEqualTo("quarantined");
		assertThat(byMail.reason()).contains("suspended");
		assertThat(body(awaitMessageTo(this.catalog.reporter(), "Your notice was not processed")))
			.contains("Notices from you are suspended until " + until)
			.contains("manifestly unfounded");
	}

	private String ruleOf(long reportId) {
		return this.audit.entries("report:" + reportId)
			.stream()
			.filter((e) -> e.action().equals("report.decided"))
			.map((e) -> e.details().replaceAll(".*\"rule\":\"([^\"]+)\".*", "$1"))
			.findFirst()
			.orElseThrow();
	}

	private int appealsOf(long caseId) {
		return this.jdbc.sql("select count(*) from appeal where case_id = :id")
			.param("id", caseId)
			.query(Integer.class)
			.single();
	}

}
