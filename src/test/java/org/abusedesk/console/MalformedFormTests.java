package org.abusedesk.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.EdgeDeskTest;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.abusedesk.access.Role;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.identity.StaffAccounts;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careless or hostile user of the HTML pages: every GET with parameters and every form
 * of the console, the customer's pages, the report form and the interstitial, sent ids
 * that are no numbers or name nothing, missing fields, words where numbers or choices go
 * and text of 100,000 characters, and the staff and policy forms by a role below theirs.
 * The desk never answers 5xx: an address that names nothing is a 4xx, a field a person
 * fills in wrongly is said on the page ({@code role="alert"}) and nothing is stored, a
 * role below the form's a 403. Every offence is collected, so one run shows them all.
 */
class MalformedFormTests extends EdgeDeskTest {

	private static final List<String> BAD_IDS = List.of("abc", "-1", "99999999999999999999", "999999999");

	/** Text no field takes: over every limit of the desk, under the body's limit. */
	private static final String LONG = "x".repeat(100_000);

	/** Text that fits an address (a query string of 100,000 characters does not). */
	private static final String LONG_IN_ADDRESS = "y".repeat(5_000);

	private static final String ALERT = "role=\"alert\"";

	/** What a bulk action did, case by case, on the queue. */
	private static final String BULK_RESULTS = "id=\"bulk-results\"";

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private MailIntake mail;

	private final List<String> offences = new ArrayList<>();

	private ConsoleSession admin;

	/** A case in review, held by the admin session. */
	private long open;

	/** An actioned case with its active interstitial, on the hosted customer's site. */
	private long actioned;

	private long mitigation;

	@BeforeEach
	void casesAndSessions() {
		String host = "blog." + this.catalog.hostedZone();
		this.mitigation = activeInterstitial("/fuzz-login.php");
		this.actioned = queryOne(Long.class, "select case_id from mitigation where id = ?", this.mitigation);
		this.open = fileAndAwaitCase("phishing", phishing(host, "/fuzz-other.php"));
		this.admin = ConsoleSession.newStaff(this.port, this.accounts, "fz-admin-" + this.catalog.id(), Role.ADMIN);
		Api.Response claimed = this.admin.post("/console/cases/" + this.open + "/claim", Map.of());
		assertThat(claimed.status()).isEqualTo(302);
		// the page shows (and so drops) the message, as a browser does
		assertThat(this.admin.get("/console/cases/" + this.open).body()).contains("You hold this case.");
	}

	/** What an answer must be. */
	private enum Expect {

		/** A 4xx, or a page (or a redirect to one) that says what was wrong. */
		REFUSED,
		/** A page, or a redirect to one, that says what was wrong: never a bare error. */
		MESSAGE,
		/** 403. */
		FORBIDDEN,
		/**
		 * Anything but a server error: a choice the page ignores and shows what it shows
		 * without it (reported, not changed: the rule filter is free text; negative
		 * paging cursors start at the start; the letter page falls back to the reporter
		 * and to the first template; an account page of an unknown reference shows no
		 * pressure, as for an account without any; the bulk confirmation names the
		 * assignee and changes nothing).
		 */
		ANSWERED

	}

	@Test
	void noPageOrFormOfTheConsoleAnswersAServerErrorOrABareErrorForMalformedInput() {
		ConsoleSession s = this.admin;
		long c = this.open;
		long m = this.mitigation;

		// addresses with an id
		for (String id : BAD_IDS) {
			get(s, "/console/cases/" + id, Expect.REFUSED);
			get(s, "/console/cases/" + id + "/write", Expect.REFUSED);
			get(s, "/console/evidence/" + id, Expect.REFUSED);
			get(s, "/console/mailbox/unclear/" + id + "?type=phishing", Expect.REFUSED);
			get(s, "/console/mailbox/quarantine/" + id, Expect.REFUSED);
			get(s, "/console/mailbox/quarantine/" + id + "/original", Expect.REFUSED);
			get(s, "/console/mitigations/" + id, Expect.REFUSED);
			get(s, "/console/accounts/" + id, Expect.ANSWERED);
			for (String step : List.of("claim", "release", "accept", "change", "approval", "deny", "escalate",
					"emergency", "notes", "link", "merge", "write")) {
				post(s, "/console/cases/" + id + "/" + step,
						Map.of("reason", "fuzz", "decision", "approve", "body", "fuzz", "justification", "fuzz"),
						Expect.REFUSED);
			}
			post(s, "/console/appeals/" + id + "/decision", Map.of("outcome", "upheld", "reason", "fuzz"),
					Expect.REFUSED);
			post(s, "/console/emergencies/" + id + "/answer", Map.of("decision", "approve", "reason", "fuzz"),
					Expect.REFUSED);
			post(s, "/console/mailbox/unclear/" + id, Map.of("type", "phishing"), Expect.REFUSED);
			post(s, "/console/mailbox/quarantine/" + id + "/release", Map.of(), Expect.REFUSED);
			post(s, "/console/mailbox/quarantine/" + id + "/release", Map.of("type", "nonsense"), Expect.REFUSED);
			for (String step : List.of("lift", "extend", "review")) {
				post(s, "/console/mitigations/" + id + "/" + step,
						Map.of("reason", "fuzz", "expires_at", "2099-01-01T00:00", "review_at", "2099-01-01T00:00"),
						Expect.REFUSED);
			}
			post(s, "/console/searches/" + id + "/delete", Map.of(), Expect.REFUSED);
			for (String step : List.of("disable", "enable", "password", "tokens")) {
				post(s, "/console/staff/" + id + "/" + step, Map.of("password", "a long enough password", "label", "x"),
						Expect.REFUSED);
			}
			post(s, "/console/staff/tokens/" + id + "/revoke", Map.of(), Expect.REFUSED);
		}

		// the queue, search and lists: parameters of the wrong kind
		get(s, "/console?status=nonsense", Expect.MESSAGE);
		get(s, "/console?type=nonsense", Expect.MESSAGE);
		get(s, "/console?service=nonsense", Expect.MESSAGE);
		get(s, "/console?rule=" + LONG_IN_ADDRESS, Expect.ANSWERED);
		get(s, "/console?trusted=x", Expect.REFUSED);
		get(s, "/console?at_risk=x", Expect.REFUSED);
		get(s, "/console?sort=nonsense", Expect.MESSAGE);
		get(s, "/console?after=nonsense", Expect.MESSAGE);
		get(s, "/console?after=" + LONG_IN_ADDRESS, Expect.MESSAGE);
		get(s, "/console?rule=" + LONG, Expect.REFUSED);
		get(s, "/console/search?q=" + LONG_IN_ADDRESS, Expect.MESSAGE);
		get(s, "/console/search?q=" + LONG, Expect.REFUSED);
		get(s, "/console/search?q=a&field=nonsense", Expect.MESSAGE);
		get(s, "/console/search?q=a&status=nonsense", Expect.MESSAGE);
		get(s, "/console/search?q=a&type=nonsense", Expect.MESSAGE);
		get(s, "/console/search?q=a&service=nonsense", Expect.MESSAGE);
		get(s, "/console/search?q=a&sort=nonsense", Expect.MESSAGE);
		for (String page : List.of("x", "99999999999999999999", "2147483647", "999999999")) {
			get(s, "/console/search?q=a&page=" + page, Expect.REFUSED);
		}
		get(s, "/console/search?q=a&page=-1", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "?reports_after=x", Expect.REFUSED);
		get(s, "/console/cases/" + c + "?history_before=x", Expect.REFUSED);
		get(s, "/console/cases/" + c + "?reports_after=-1&history_before=-1", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "?reports_after=99999999999999999999", Expect.REFUSED);
		get(s, "/console/cases/" + c + "/write?party=nonsense", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "/write?report=x", Expect.REFUSED);
		get(s, "/console/cases/" + c + "/write?report=-1", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "/write?report=999999999", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "/write?template=nonsense", Expect.ANSWERED);
		get(s, "/console/cases/" + c + "/write?party=customer&template=" + LONG_IN_ADDRESS, Expect.ANSWERED);
		get(s, "/console/accounts/" + LONG_IN_ADDRESS, Expect.REFUSED);
		get(s, "/console/mailbox?after=x", Expect.REFUSED);
		get(s, "/console/mailbox?after=-1", Expect.ANSWERED);
		get(s, "/console/mailbox/quarantine?before=x", Expect.REFUSED);
		get(s, "/console/mailbox/quarantine?before=-1", Expect.ANSWERED);
		get(s, "/console/mailbox/unclear/999999999", Expect.REFUSED);
		get(s, "/console/mitigations?type=nonsense", Expect.MESSAGE);
		get(s, "/console/mitigations?status=nonsense", Expect.MESSAGE);
		get(s, "/console?type=" + LONG_IN_ADDRESS, Expect.MESSAGE);
		get(s, "/console/mitigations?account=" + LONG_IN_ADDRESS + "&review_due=x", Expect.ANSWERED);
		get(s, "/console/staff?q=" + LONG_IN_ADDRESS + "&after=" + LONG_IN_ADDRESS, Expect.REFUSED);
		get(s, "/console/transparency?from=x&to=y", Expect.MESSAGE);
		get(s, "/console/transparency?from=2026-13-45", Expect.MESSAGE);
		get(s, "/console/transparency?from=2026-02-01&to=2025-01-01", Expect.MESSAGE);
		get(s, "/console/transparency?from=0001-01-01&to=9999-12-31", Expect.MESSAGE);
		get(s, "/console/transparency?to=" + LONG_IN_ADDRESS, Expect.MESSAGE);
		get(s, "/console/transparency/report", Expect.REFUSED);
		get(s, "/console/transparency/report?from=x&to=y", Expect.REFUSED);
		get(s, "/console/transparency/report?from=2026-01-01&to=2026-01-31&format=nonsense", Expect.REFUSED);
		get(s, "/console/transparency/report?from=0001-01-01&to=9999-12-31", Expect.REFUSED);

		// the case's forms, on a case the admin holds
		String cases = "/console/cases/" + c;
		post(s, cases + "/change", Map.of(), Expect.MESSAGE);
		post(s, cases + "/change", Map.of("keep_0", "on", "grace_0", "x", "reason", "fuzz"), Expect.MESSAGE);
		post(s, cases + "/change", Map.of("keep_0", "on", "grace_0", "99999999999999999999", "reason", "fuzz"),
				Expect.MESSAGE);
		post(s, cases + "/change", Map.of("add_type", "nonsense", "reason", "fuzz"), Expect.MESSAGE);
		post(s, cases + "/change", Map.of("add_type", "content_disable", "add_grace", "x", "reason", "fuzz"),
				Expect.MESSAGE);
		post(s, cases + "/change", Map.of("keep_0", "on", "reason", LONG), Expect.MESSAGE);
		post(s, cases + "/approval", Map.of(), Expect.MESSAGE);
		post(s, cases + "/approval", Map.of("decision", "nonsense", "reason", "fuzz"), Expect.MESSAGE);
		post(s, cases + "/approval", Map.of("decision", "approve", "reason", LONG), Expect.MESSAGE);
		post(s, cases + "/deny", Map.of(), Expect.MESSAGE);
		post(s, cases + "/deny", Map.of("reason", "nonsense"), Expect.MESSAGE);
		post(s, cases + "/deny", Map.of("reason", DenialReason.values()[0].wire(), "note", LONG), Expect.MESSAGE);
		post(s, cases + "/emergency", Map.of(), Expect.MESSAGE);
		post(s, cases + "/emergency", Map.of("justification", LONG), Expect.MESSAGE);
		post(s, cases + "/notes", Map.of(), Expect.MESSAGE);
		post(s, cases + "/notes", Map.of("body", LONG), Expect.MESSAGE);
		post(s, cases + "/link", Map.of(), Expect.MESSAGE);
		post(s, cases + "/link", Map.of("other", "x"), Expect.REFUSED);
		post(s, cases + "/link", Map.of("other", "99999999999999999999"), Expect.REFUSED);
		post(s, cases + "/link", Map.of("other", "-1"), Expect.MESSAGE);
		post(s, cases + "/link", Map.of("other", "999999999"), Expect.MESSAGE);
		post(s, cases + "/link", Map.of("other", String.valueOf(c)), Expect.MESSAGE);
		post(s, cases + "/merge", Map.of(), Expect.MESSAGE);
		post(s, cases + "/merge", Map.of("into", "x"), Expect.REFUSED);
		post(s, cases + "/merge", Map.of("into", "-1"), Expect.MESSAGE);
		post(s, cases + "/merge", Map.of("into", "999999999"), Expect.MESSAGE);
		post(s, cases + "/merge", Map.of("into", String.valueOf(c)), Expect.MESSAGE);
		post(s, cases + "/write", Map.of(), Expect.MESSAGE);
		post(s, cases + "/write", Map.of("party", "nonsense", "subject", "s", "body", "b", "key", "k1"),
				Expect.MESSAGE);
		post(s, cases + "/write", Map.of("party", "reporter", "report", "x", "subject", "s", "body", "b"),
				Expect.REFUSED);
		post(s, cases + "/write", Map.of("party", "reporter", "report", "999999999", "subject", "s", "body", "b"),
				Expect.MESSAGE);
		post(s, cases + "/write", Map.of("party", "customer", "subject", LONG, "body", "b", "key", "k2"),
				Expect.MESSAGE);
		post(s, cases + "/write", Map.of("party", "customer", "subject", "s", "body", LONG, "key", "k3"),
				Expect.MESSAGE);
		post(s, cases + "/write", Map.of("party", "customer", "subject", "s", "body", "b", "key", LONG),
				Expect.MESSAGE);
		post(s, cases + "/escalate", Map.of("to", "senior", "reason", LONG), Expect.MESSAGE);
		post(s, cases + "/escalate", Map.of("to", "nonsense", "reason", "fuzz"), Expect.MESSAGE);

		// bulk
		post(s, "/console/bulk", Map.of(), Expect.MESSAGE);
		post(s, "/console/bulk", Map.of("action", "nonsense", "case", String.valueOf(c)), Expect.MESSAGE);
		post(s, "/console/bulk", Map.of("action", "assign", "case", "x"), Expect.REFUSED);
		post(s, "/console/bulk", Map.of("action", "assign", "case", "99999999999999999999"), Expect.REFUSED);
		// the confirmation page, which names the assignee and changes nothing
		post(s, "/console/bulk", Map.of("action", "assign", "case", "999999999", "assignee", LONG), Expect.ANSWERED);
		post(s, "/console/bulk", Map.of("action", "assign", "case", "999999999", "assignee", LONG, "confirmed", "yes"),
				Expect.MESSAGE);
		post(s, "/console/bulk", Map.of("action", "deny_duplicate", "case", "-1", "confirmed", "yes"), Expect.MESSAGE);
		post(s, "/console/bulk", Map.of("action", "assign", "case", String.valueOf(c), "confirmed", "yes"),
				Expect.MESSAGE);
		post(s, "/console/bulk",
				Map.of("action", "assign", "case", String.valueOf(c), "assignee", LONG, "confirmed", "yes"),
				Expect.MESSAGE);

		// emergencies: an answer without a choice, on a case without an emergency
		post(s, "/console/emergencies/" + c + "/answer", Map.of("decision", "nonsense"), Expect.MESSAGE);
		post(s, "/console/emergencies/" + c + "/answer", Map.of("decision", "approve", "reason", LONG), Expect.MESSAGE);

		// the mailbox's picks
		get(s, "/console/mailbox/unclear/999999999?type=" + LONG_IN_ADDRESS, Expect.REFUSED);
		post(s, "/console/mailbox/unclear/999999999", Map.of("type", "nonsense"), Expect.MESSAGE);
		post(s, "/console/mailbox/unclear/999999999", Map.of(), Expect.REFUSED);
		post(s, "/console/mailbox/unclear/999999999", Map.of("type", LONG), Expect.MESSAGE);

		// a mitigation's forms
		String mitigations = "/console/mitigations/" + m;
		for (String step : List.of("lift", "extend", "review")) {
			post(s, mitigations + "/" + step, Map.of(), Expect.MESSAGE);
			post(s, mitigations + "/" + step,
					Map.of("reason", LONG, "expires_at", "2099-01-01T00:00", "review_at", "2099-01-01T00:00"),
					Expect.MESSAGE);
		}
		post(s, mitigations + "/extend", Map.of("reason", "fuzz", "expires_at", "x"), Expect.MESSAGE);
		post(s, mitigations + "/extend", Map.of("reason", "fuzz", "expires_at", "+999999999-12-31T23:59"),
				Expect.MESSAGE);
		post(s, mitigations + "/review", Map.of("reason", "fuzz", "review_at", "x"), Expect.MESSAGE);
		post(s, mitigations + "/review", Map.of("reason", "fuzz", "review_at", LONG), Expect.MESSAGE);
		post(s, mitigations + "/review", Map.of("reason", "fuzz", "review_at", "0001-01-01T00:00"), Expect.MESSAGE);

		// the policy's backtest
		post(s, "/console/policy/backtest", Map.of(), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", LONG), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", "rules: []", "since", "x"), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", "rules: []", "examples", "x"), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", "rules: []", "examples", "99999999999"), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", "rules: []", "since", "+99999-01-01"), Expect.MESSAGE);
		post(s, "/console/policy/backtest", Map.of("draft", ": : :\n\t- [", "since", "0001-01-01"), Expect.MESSAGE);

		// saved searches
		post(s, "/console/searches", Map.of(), Expect.MESSAGE);
		post(s, "/console/searches", Map.of("name", LONG, "q", "a"), Expect.MESSAGE);
		post(s, "/console/searches", Map.of("name", "fuzz", "q", LONG), Expect.MESSAGE);
		post(s, "/console/searches", Map.of("name", "fuzz2", "status", "nonsense", "sort", "nonsense"), Expect.MESSAGE);

		// staff accounts
		this.accounts.create("fz-member-" + this.catalog.id(), Role.AGENT, ConsoleSession.PASSWORD);
		long member = this.accounts.find("fz-member-" + this.catalog.id()).orElseThrow().id();
		post(s, "/console/staff", Map.of(), Expect.MESSAGE);
		post(s, "/console/staff",
				Map.of("name", "fz-n-" + this.catalog.id(), "role", "nonsense", "password", ConsoleSession.PASSWORD),
				Expect.MESSAGE);
		post(s, "/console/staff", Map.of("name", LONG, "role", "agent", "password", ConsoleSession.PASSWORD),
				Expect.MESSAGE);
		post(s, "/console/staff", Map.of("name", "fz-p-" + this.catalog.id(), "role", "agent", "password", LONG),
				Expect.MESSAGE);
		post(s, "/console/staff",
				Map.of("name", "fz-e-" + this.catalog.id(), "role", "edge", "password", ConsoleSession.PASSWORD),
				Expect.MESSAGE);
		post(s, "/console/staff/" + member + "/password", Map.of(), Expect.MESSAGE);
		post(s, "/console/staff/" + member + "/password", Map.of("password", LONG), Expect.MESSAGE);
		post(s, "/console/staff/" + member + "/tokens", Map.of(), Expect.MESSAGE);
		post(s, "/console/staff/" + member + "/tokens", Map.of("label", LONG), Expect.MESSAGE);
		for (String days : List.of("x", "-1", "0", "99999999999", "99999999999999999999")) {
			post(s, "/console/staff/" + member + "/tokens", Map.of("label", "fuzz", "expires_days", days),
					Expect.MESSAGE);
		}
		post(s, "/console/staff/tokens/999999999/revoke", Map.of("holder", LONG), Expect.MESSAGE);

		// the roles below each form's
		ConsoleSession senior = ConsoleSession.newStaff(this.port, this.accounts, "fz-senior-" + this.catalog.id(),
				Role.SENIOR);
		get(senior, "/console/staff?q=" + LONG_IN_ADDRESS, Expect.FORBIDDEN);
		post(senior, "/console/staff", Map.of("name", "x", "role", "admin", "password", ConsoleSession.PASSWORD),
				Expect.FORBIDDEN);
		for (String step : List.of("disable", "enable", "password", "tokens")) {
			post(senior, "/console/staff/" + member + "/" + step, Map.of("password", LONG, "label", LONG),
					Expect.FORBIDDEN);
			post(senior, "/console/staff/abc/" + step, Map.of(), Expect.FORBIDDEN);
		}
		post(senior, "/console/staff/tokens/abc/revoke", Map.of(), Expect.FORBIDDEN);
		ConsoleSession agent = ConsoleSession.newStaff(this.port, this.accounts, "fz-agent-" + this.catalog.id(),
				Role.AGENT);
		post(agent, "/console/policy/backtest", Map.of("draft", LONG), Expect.FORBIDDEN);
		get(agent, "/console/accounts/" + LONG_IN_ADDRESS, Expect.FORBIDDEN);
		get(agent, "/console/accounts/abc", Expect.FORBIDDEN);
		for (String step : List.of("claim", "release", "accept", "change", "approval", "deny", "link", "merge",
				"write")) {
			post(agent, cases + "/" + step, Map.of("reason", LONG, "other", "x", "into", "x"), Expect.FORBIDDEN);
			post(agent, "/console/cases/abc/" + step, Map.of(), Expect.FORBIDDEN);
		}
		post(agent, cases + "/emergency", Map.of("justification", LONG), Expect.FORBIDDEN);
		post(agent, "/console/bulk", Map.of("action", "assign", "case", "x"), Expect.FORBIDDEN);
		post(agent, "/console/appeals/abc/decision", Map.of(), Expect.FORBIDDEN);
		post(agent, "/console/emergencies/abc/answer", Map.of(), Expect.FORBIDDEN);
		for (String step : List.of("lift", "extend", "review")) {
			post(agent, mitigations + "/" + step, Map.of("reason", LONG), Expect.FORBIDDEN);
		}

		// nothing over-long was stored
		assertThat(
				queryOne(Integer.class, "select count(*) from case_note where case_id = ? and length(body) > 5000", c))
			.isZero();
		assertThat(queryOne(Integer.class, "select count(*) from case_claim where length(staff_user) > 64")).isZero();
		assertThat(queryOne(Integer.class, "select count(*) from staff_user where length(name) > 64")).isZero();
		assertThat(queryOne(Integer.class, "select count(*) from console_saved_search where staff_user = ?",
				"fz-admin-" + this.catalog.id()))
			.isZero();
		assertThat(this.mitigations.find(m).orElseThrow().status().wire()).isEqualTo("active");
		assertThat(this.offences).as(String.join("\n", this.offences)).isEmpty();
	}

	@Test
	void noFormOfTheCustomerAnswersAServerErrorOrABareErrorForMalformedInput() {
		WebForm customer = signedInCustomer();
		long m = this.mitigation;
		for (String id : BAD_IDS) {
			post(customer, "/customer/mitigations/" + id + "/review", Map.of("reason", "removed"), Expect.REFUSED);
			post(customer, "/customer/mitigations/" + id + "/appeal",
					Map.of("reason", "removed", "statement", "I removed it."), Expect.REFUSED);
			post(customer, "/customer/mitigations/" + id + "/counter-notice", counterNotice(Map.of()), Expect.REFUSED);
		}
		String base = "/customer/mitigations/" + m;
		post(customer, base + "/review", Map.of(), Expect.MESSAGE);
		post(customer, base + "/review", Map.of("reason", "nonsense"), Expect.MESSAGE);
		post(customer, base + "/review", Map.of("reason", "other"), Expect.MESSAGE);
		post(customer, base + "/review", Map.of("reason", "removed", "comment", LONG), Expect.MESSAGE);
		post(customer, base + "/appeal", Map.of(), Expect.MESSAGE);
		post(customer, base + "/appeal", Map.of("reason", "nonsense", "statement", "s"), Expect.MESSAGE);
		post(customer, base + "/appeal", Map.of("reason", "removed", "statement", LONG), Expect.MESSAGE);
		post(customer, base + "/appeal", Map.of("reason", "removed", "statement", "s", "evidence", LONG),
				Expect.MESSAGE);
		post(customer, base + "/counter-notice", Map.of(), Expect.MESSAGE);
		for (String field : List.of("signature", "material", "location", "name", "address", "phone")) {
			post(customer, base + "/counter-notice", counterNotice(Map.of(field, LONG)), Expect.MESSAGE);
		}
		post(customer, base + "/counter-notice",
				counterNotice(Map.of("statement_under_penalty_of_perjury", "nonsense")), Expect.MESSAGE);

		// signing in
		WebForm stranger = new WebForm(this.port);
		for (String token : List.of("", "nonsense", LONG)) {
			String csrf = stranger.get("/customer/sign-in").csrf();
			WebForm.Page answer = stranger.post("/customer/sign-in",
					List.of(Part.field("token", token), Part.field("_csrf", csrf)));
			judge("POST /customer/sign-in", "token=" + shortened(token), answer.status(), answer.body(),
					location(answer.headers()), stranger::get, Expect.MESSAGE);
		}
		assertThat(queryOne(Integer.class, "select count(*) from appeal where mitigation_id = ?", m)).isZero();
		assertThat(queryOne(Integer.class, "select count(*) from counter_notice where mitigation_id = ?", m)).isZero();
		assertThat(this.offences).as(String.join("\n", this.offences)).isEmpty();
	}

	@Test
	void thePublicPagesAnswerANameThatNamesNothingWithAPageThatSaysSo() {
		WebForm browser = new WebForm(this.port);
		for (String id : BAD_IDS) {
			get(browser, "/interstitial/" + id, Expect.REFUSED);
			get(browser, "/report/received/" + id, Expect.REFUSED);
			Api.Response status = this.api.get("/api/v1/reports/status/" + id + "?secret=" + id, null, "text/html");
			judge("GET /api/v1/reports/status/{code} (html)", id, status.status(), status.body(), null, browser::get,
					Expect.REFUSED);
		}
		get(browser, "/report/nonsense", Expect.REFUSED);
		get(browser, "/report/" + LONG_IN_ADDRESS, Expect.REFUSED);
		String csrf = browser.get("/report/phishing").csrf();
		post(browser, "/report/nonsense", Map.of("_csrf", csrf), Expect.REFUSED);
		post(browser, "/report/phishing", Map.of("_csrf", csrf), Expect.MESSAGE);
		post(browser, "/report/phishing",
				Map.of("_csrf", csrf, "reporter_name", LONG, "reporter_email", LONG, "email_confirm", LONG,
						"reporter_kind", "nonsense", "urls", LONG, "justification", LONG, "notify_host", "nonsense",
						"notify_owner", "nonsense", "good_faith", "nonsense"),
				Expect.MESSAGE);
		assertThat(this.offences).as(String.join("\n", this.offences)).isEmpty();
	}

	@Test
	void theFormsOnARealAppealEmergencyAndMailAnswerAMessageForMalformedInput() {
		// an appeal by the customer, open in the queue
		WebForm customer = signedInCustomer();
		WebForm.Page appealed = customer.post("/customer/mitigations/" + this.mitigation + "/appeal",
				List.of(Part.field("reason", "removed"), Part.field("statement", "I removed the page."),
						Part.field("_csrf", customer.get("/customer").csrf())));
		assertThat(appealed.status()).isEqualTo(302);
		long appeal = queryOne(Long.class, "select id from appeal where mitigation_id = ?", this.mitigation);
		ConsoleSession s = this.admin;
		String decision = "/console/appeals/" + appeal + "/decision";
		post(s, decision, Map.of(), Expect.MESSAGE);
		post(s, decision, Map.of("outcome", "nonsense", "reason", "fuzz"), Expect.MESSAGE);
		post(s, decision, Map.of("outcome", "upheld"), Expect.MESSAGE);
		post(s, decision, Map.of("outcome", "upheld", "reason", LONG), Expect.MESSAGE);
		post(s, decision, Map.of("outcome", "modified", "reason", "fuzz"), Expect.REFUSED);
		ConsoleSession agent = ConsoleSession.newStaff(this.port, this.accounts, "fz-agent-" + this.catalog.id(),
				Role.AGENT);
		post(agent, decision, Map.of("outcome", "upheld", "reason", LONG), Expect.FORBIDDEN);

		// an emergency declared by the admin, answered by a reviewer
		Api.Response declared = s.post("/console/cases/" + this.open + "/emergency",
				Map.of("justification", "A threat to a person's life in the page."));
		assertThat(declared.status()).isEqualTo(302);
		s.get("/console/cases/" + this.open);
		ConsoleSession reviewer = ConsoleSession.newStaff(this.port, this.accounts, "fz-reviewer-" + this.catalog.id(),
				Role.REVIEWER);
		String answer = "/console/emergencies/" + this.open + "/answer";
		post(reviewer, answer, Map.of(), Expect.MESSAGE);
		post(reviewer, answer, Map.of("decision", "nonsense"), Expect.MESSAGE);
		post(reviewer, answer, Map.of("decision", "approve", "reason", LONG), Expect.MESSAGE);
		post(reviewer, answer, Map.of("decision", "refuse", "reason", LONG), Expect.MESSAGE);
		post(agent, answer, Map.of("decision", "approve"), Expect.FORBIDDEN);

		// a report the mailbox filed without its type, and a quarantined message
		MailOutcome mailed = this.mail.receive(
				("From: Unsure <unsure-" + this.catalog.id()
						+ "@senders.example>\r\nSubject: look\r\n\r\nPlease check https://blog."
						+ this.catalog.hostedZone() + "/unsure.php\r\n")
					.getBytes(StandardCharsets.UTF_8),
				"test", null);
		assertThat(mailed.status()).as(mailed.reason()).isEqualTo("accepted");
		long unclear = reportIdOf(mailed.reports().get(0).trackingCode());
		get(s, "/console/mailbox/unclear/" + unclear, Expect.REFUSED);
		get(s, "/console/mailbox/unclear/" + unclear + "?type=nonsense", Expect.MESSAGE);
		get(s, "/console/mailbox/unclear/" + unclear + "?type=" + LONG_IN_ADDRESS, Expect.MESSAGE);
		post(s, "/console/mailbox/unclear/" + unclear, Map.of(), Expect.REFUSED);
		post(s, "/console/mailbox/unclear/" + unclear, Map.of("type", "nonsense"), Expect.MESSAGE);
		post(s, "/console/mailbox/unclear/" + unclear, Map.of("type", LONG), Expect.MESSAGE);
		String hosts = IntStream.range(0, 61)
			.mapToObj((i) -> "https://site" + i + "." + this.catalog.hostedZone() + "/kit/")
			.collect(Collectors.joining("\r\n"));
		MailOutcome quarantined = this.mail
			.receive(("From: busy-" + this.catalog.id() + "@feeds.example\r\nSubject: kits\r\n\r\n" + hosts + "\r\n")
				.getBytes(StandardCharsets.UTF_8), "test", null);
		assertThat(quarantined.status()).isEqualTo("quarantined");
		String release = "/console/mailbox/quarantine/" + quarantined.messageId() + "/release";
		post(s, release, Map.of("type", "nonsense"), Expect.MESSAGE);
		post(s, release, Map.of("type", LONG), Expect.MESSAGE);

		assertThat(queryOne(String.class, "select status from appeal where id = ?", appeal)).isEqualTo("open");
		assertThat(queryOne(String.class, "select status from report where id = ?", unclear)).isEqualTo("submitted");
		assertThat(this.offences).as(String.join("\n", this.offences)).isEmpty();
	}

	@Test
	void aSearchTooLongToSaveIsAMessageOnTheSearchPageInsteadOfAServerError() {
		// the refusal sent the browser back to the search with the whole query in the
		// address: Tomcat could not write a Location header of 100,000 characters (500)
		Api.Response saved = this.admin.post("/console/searches", Map.of("name", "long", "q", LONG));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(location(saved.headers())).isEqualTo("/console/search");
		assertThat(this.admin.get("/console/search").body()).contains("This search is too long to save.");
		assertThat(queryOne(Integer.class, "select count(*) from console_saved_search where staff_user = ?",
				"fz-admin-" + this.catalog.id()))
			.isZero();
	}

	@Test
	void aSearchWithAWordThatNamesNoChoiceIsNotSaved() {
		// the search was kept, and showed its error each time it was opened
		Api.Response saved = this.admin.post("/console/searches",
				Map.of("name", "odd", "q", "a", "status", "nonsense", "sort", "nonsense"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.admin.get(location(saved.headers())).body()).contains("No case status nonsense")
			.doesNotContain("Saved the search");
		assertThat(queryOne(Integer.class, "select count(*) from console_saved_search where staff_user = ?",
				"fz-admin-" + this.catalog.id()))
			.isZero();
	}

	@Test
	void aStaffNameOrTokenHolderTooLongForTheAddressIsAMessageInsteadOfAServerError() {
		// the staff page went back with the name typed as its filter, in the address
		Api.Response added = this.admin.post("/console/staff",
				Map.of("name", LONG, "role", "agent", "password", ConsoleSession.PASSWORD));
		assertThat(added.status()).isEqualTo(302);
		assertThat(location(added.headers())).isEqualTo("/console/staff");
		assertThat(this.admin.get("/console/staff").body())
			.contains("A staff user&#39;s name has 1 to 64 letters, digits and . _ @ -.");
		Api.Response revoked = this.admin.post("/console/staff/tokens/999999999/revoke", Map.of("holder", LONG));
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(location(revoked.headers())).isEqualTo("/console/staff");
	}

	@Test
	void theCustomersReviewFormSaysWhatIsWrongOnTheirPageInsteadOfABareError() {
		// the appeal and counter-notice forms beside it said theirs; this one answered a
		// bare 422 error page
		WebForm customer = signedInCustomer();
		String review = "/customer/mitigations/" + this.mitigation + "/review";
		WebForm.Page none = customer.post(review, List.of(Part.field("_csrf", customer.get("/customer").csrf())));
		assertThat(none.status()).isEqualTo(302);
		assertThat(customer.get("/customer").body()).contains("role=\"alert\"", "choose a reason");
		WebForm.Page longComment = customer.post(review, List.of(Part.field("reason", "removed"),
				Part.field("comment", LONG), Part.field("_csrf", customer.get("/customer").csrf())));
		assertThat(longComment.status()).isEqualTo(302);
		assertThat(customer.get("/customer").body()).contains("the comment has at most 2000 characters.");
		assertThat(this.mitigations.find(this.mitigation).orElseThrow().status().wire()).isEqualTo("active");
	}

	@Test
	void linkingOrMergingWithACaseThatDoesNotExistIsAMessageOnTheCasePage() {
		// the number typed in the form named no case: the answer was a bare 404 page
		for (String step : List.of("link", "merge")) {
			Api.Response answer = this.admin.post("/console/cases/" + this.open + "/" + step,
					Map.of("link".equals(step) ? "other" : "into", "999999999"));
			assertThat(answer.status()).as(step).isEqualTo(302);
			assertThat(this.admin.get("/console/cases/" + this.open).body()).contains("There is no case 999999999.");
		}
		// a case that is not there is still a 404
		assertThat(
				this.admin.post("/console/cases/999999999/link", Map.of("other", String.valueOf(this.open))).status())
			.isEqualTo(404);
	}

	@Test
	void escalatingToAWordTheFormDoesNotOfferIsRefusedInsteadOfGoingToASenior() {
		String before = caseStatus(this.open);
		Api.Response answer = this.admin.post("/console/cases/" + this.open + "/escalate",
				Map.of("to", "nonsense", "reason", "Looks like a legal matter."));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(this.admin.get("/console/cases/" + this.open).body()).contains("Escalate to a senior or to legal.");
		assertThat(caseStatus(this.open)).isEqualTo(before);
		assertThat(queryOne(Integer.class, "select count(*) from audit_entry where stream = ? and action = ?",
				"case:" + this.open, "case.escalated"))
			.isZero();
	}

	@Test
	void aBulkAssignmentWithoutAnAssigneeOrToANameTooLongIsAMessageAndAssignsNothing() {
		// without an assignee the queue answered a bare 422; a name of 100,000 characters
		// became the holder of the case
		Map<String, String> noOne = Map.of("action", "assign", "case", String.valueOf(this.open), "confirmed", "yes");
		Api.Response answer = this.admin.post("/console/bulk", noOne);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(this.admin.get("/console").body()).contains("Say whom to assign the cases to.");
		Map<String, String> tooLong = new LinkedHashMap<>(noOne);
		tooLong.put("assignee", LONG);
		assertThat(this.admin.post("/console/bulk", tooLong).status()).isEqualTo(302);
		assertThat(this.admin.get("/console").body())
			.contains("A staff user&#39;s name has at most 64 characters; no case was assigned.");
		assertThat(queryOne(String.class, "select staff_user from case_claim where case_id = ?", this.open))
			.isEqualTo("fz-admin-" + this.catalog.id());
	}

	@Test
	void aFilterWordThatNamesNoChoiceIsSaidOnThePageInsteadOfListingNothingOrEverything() {
		// the queue and search listed no case for a type or service that is none, and
		// the mitigation list every mitigation in force for a type or status that is
		// none, without a word
		assertThat(this.admin.get("/console?type=nonsense").body()).contains("No report type nonsense; one of: ");
		assertThat(this.admin.get("/console?service=nonsense").body()).contains("No service nonsense; one of: ");
		assertThat(this.admin.get("/console?sort=nonsense").body()).contains("No order nonsense; one of: urgent");
		assertThat(this.admin.get("/console/search?q=a&field=nonsense").body())
			.contains("No place to look nonsense; one of: any, tracking_code");
		assertThat(this.admin.get("/console/search?q=a&type=nonsense").body()).contains("No report type nonsense");
		assertThat(this.admin.get("/console/mitigations?type=nonsense").body())
			.contains("No mitigation type nonsense; one of: ")
			.doesNotContain("/console/mitigations/" + this.mitigation + "\"");
		assertThat(this.admin.get("/console/mitigations?status=nonsense").body())
			.contains("No mitigation status nonsense; one of: ");
		// the words the forms offer still filter
		assertThat(this.admin.get("/console/mitigations?type=phishing_interstitial").body())
			.doesNotContain("role=\"alert\"")
			.contains("/console/mitigations/" + this.mitigation + "\"");
	}

	private WebForm signedInCustomer() {
		WebForm browser = new WebForm(this.port);
		String token = this.customerTokens.issue("hosting-" + this.catalog.id(), "web").token();
		WebForm.Page signedIn = browser.post("/customer/sign-in",
				List.of(Part.field("token", token), Part.field("_csrf", browser.get("/customer/sign-in").csrf())));
		assertThat(signedIn.status()).isEqualTo(302);
		return browser;
	}

	private static Map<String, String> counterNotice(Map<String, String> instead) {
		Map<String, String> form = new LinkedHashMap<>(
				Map.of("signature", "Hosting Customer", "material", "The page", "location", "https://example.org/",
						"statement_under_penalty_of_perjury", "true", "name", "Hosting Customer", "address",
						"1 Main Street", "phone", "+1 555 0100", "consent_to_jurisdiction", "true"));
		form.putAll(instead);
		return form;
	}

	private void get(ConsoleSession session, String path, Expect expect) {
		Api.Response answer = session.get(path);
		judge("GET " + route(path), input(path), answer.status(), answer.body(), location(answer.headers()),
				(p) -> page(session.get(p)), expect);
	}

	private void post(ConsoleSession session, String path, Map<String, String> form, Expect expect) {
		Api.Response answer = session.post(path, form);
		judge("POST " + route(path), describe(form), answer.status(), answer.body(), location(answer.headers()),
				(p) -> page(session.get(p)), expect);
	}

	private void get(WebForm browser, String path, Expect expect) {
		WebForm.Page answer = browser.get(path);
		judge("GET " + route(path), input(path), answer.status(), answer.body(), location(answer.headers()),
				browser::get, expect);
	}

	/** A multipart form with the page's CSRF token, as the customer's browser posts. */
	private void post(WebForm browser, String path, Map<String, String> form, Expect expect) {
		List<Part> parts = new ArrayList<>();
		form.forEach((name, value) -> parts.add(Part.field(name, value)));
		if (!form.containsKey("_csrf")) {
			parts.add(Part.field("_csrf", browser.get("/customer").csrf()));
		}
		WebForm.Page answer = browser.post(path, parts);
		judge("POST " + route(path), describe(form), answer.status(), answer.body(), location(answer.headers()),
				browser::get, expect);
	}

	private static WebForm.Page page(Api.Response response) {
		return new WebForm.Page(response.status(), response.body(), response.headers());
	}

	/**
	 * Records an offence: a 5xx (or a redirect to one), a bare error where the field
	 * needs a message, anything but 403 where the role may not.
	 */
	private void judge(String route, String input, int status, String body, String location,
			Function<String, WebForm.Page> follow, Expect expect) {
		String why = null;
		String excerpt = excerpt(body);
		if (status >= 500) {
			why = "server error";
		}
		else if (expect == Expect.FORBIDDEN) {
			why = (status == 403) ? null : "not 403";
		}
		else if (expect == Expect.ANSWERED) {
			why = null;
		}
		else if (status >= 300 && status < 400 && location != null) {
			WebForm.Page next = follow.apply(location);
			excerpt = location + " -> " + next.status() + " " + excerpt(alertOf(next.body()));
			if (next.status() >= 500) {
				why = "redirect to a server error";
			}
			else if (expect == Expect.MESSAGE && !saysWhy(next.body())) {
				why = "redirect to a page without a message";
			}
			else if (expect == Expect.REFUSED && !saysWhy(next.body()) && next.status() < 400) {
				why = "redirect to a page without a message";
			}
		}
		else if (expect == Expect.MESSAGE && !saysWhy(body)) {
			why = "no message on the page";
		}
		else if (expect == Expect.REFUSED && status < 400 && !saysWhy(body)) {
			why = "accepted without a word";
		}
		if (why != null) {
			this.offences.add(route + " | " + input + " | " + status + " | " + why + " | " + excerpt);
		}
	}

	private static boolean saysWhy(String body) {
		return body.contains(ALERT) || body.contains(BULK_RESULTS);
	}

	private static String alertOf(String body) {
		int at = body.indexOf(ALERT);
		return (at < 0) ? body : body.substring(at);
	}

	private static String location(java.net.http.HttpHeaders headers) {
		return headers.firstValue("Location")
			.map((l) -> URI.create(l).getRawPath()
					+ ((URI.create(l).getRawQuery() != null) ? "?" + URI.create(l).getRawQuery() : ""))
			.orElse(null);
	}

	private static String route(String path) {
		int query = path.indexOf('?');
		return shortened((query < 0) ? path : path.substring(0, query));
	}

	private static String input(String path) {
		int query = path.indexOf('?');
		return (query < 0) ? "(address)" : shortened(path.substring(query + 1));
	}

	private static String describe(Map<String, String> form) {
		StringBuilder text = new StringBuilder();
		form.forEach((name, value) -> {
			if (!"_csrf".equals(name)) {
				text.append(name).append('=').append(shortened(value)).append(' ');
			}
		});
		return text.isEmpty() ? "(no fields)" : text.toString().strip();
	}

	private static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 12) + "…(" + text.length() + " chars)" : text;
	}

	private static String excerpt(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return (flat.length() > 200) ? flat.substring(0, 200) : flat;
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
