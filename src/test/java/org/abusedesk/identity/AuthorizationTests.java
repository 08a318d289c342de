package org.abusedesk.identity;

import java.util.UUID;

import java.util.Map;

import org.abusedesk.access.Role;
import org.abusedesk.Api;
import org.abusedesk.ConsoleSession;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint, with every role and with none: who is let in. */
class AuthorizationTests extends IntegrationTest {

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private StaffAccounts accounts;

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource({ "GET, /api/v1/cases, none, 401", "GET, /api/v1/cases, bogus, 401", "GET, /api/v1/cases, agent, 200",
			"GET, /api/v1/cases, reviewer, 200", "GET, /api/v1/cases, senior, 200", "GET, /api/v1/cases, legal, 200",
			"GET, /api/v1/cases, admin, 200", "GET, /api/v1/cases/999999999, agent, 404",
			"GET, /api/v1/cases/1, none, 401", "GET, /api/v1/outbox, none, 401", "GET, /api/v1/outbox, agent, 403",
			"GET, /api/v1/outbox, senior, 403", "GET, /api/v1/outbox, admin, 200", "PUT, /api/v1/catalog, none, 401",
			"PUT, /api/v1/catalog, agent, 403", "PUT, /api/v1/catalog, legal, 403", "PUT, /api/v1/catalog, admin, 200",
			"GET, /actuator/health, none, 200", "GET, /actuator/prometheus, none, 401",
			"GET, /actuator/prometheus, agent, 403", "GET, /actuator/prometheus, admin, 200",
			"GET, /api/v1/nothing-here, admin, 403", "DELETE, /api/v1/cases/1, admin, 403",
			"POST, /api/v1/reports/general, none, 422", "GET, /api/v1/policy, none, 401",
			"GET, /api/v1/policy, agent, 200", "GET, /api/v1/policy, legal, 200", "GET, /api/v1/policy, admin, 200",
			"POST, /api/v1/cases/999999999/emergency, none, 401", "POST, /api/v1/cases/999999999/emergency, agent, 403",
			"POST, /api/v1/cases/999999999/emergency, legal, 403",
			"POST, /api/v1/cases/999999999/emergency, reviewer, 422",
			"POST, /api/v1/cases/999999999/emergency, senior, 422",
			"POST, /api/v1/cases/999999999/emergency, admin, 422",
			"POST, /api/v1/cases/999999999/confirmations, none, 401",
			"POST, /api/v1/cases/999999999/confirmations, agent, 403",
			"POST, /api/v1/cases/999999999/confirmations, legal, 403",
			"POST, /api/v1/cases/999999999/confirmations, reviewer, 422",
			"POST, /api/v1/cases/999999999/confirmations, senior, 422",
			"POST, /api/v1/cases/999999999/confirmations, admin, 422",
			"POST, /api/v1/cases/999999999/approvals, none, 401", "POST, /api/v1/cases/999999999/approvals, agent, 403",
			"POST, /api/v1/cases/999999999/approvals, reviewer, 422",
			"POST, /api/v1/cases/999999999/approvals, senior, 422",
			"POST, /api/v1/cases/999999999/approvals, legal, 422",
			"POST, /api/v1/cases/999999999/approvals, admin, 422", "GET, /api/openapi, none, 200",
			"POST, /api/v1/reporter-tokens, none, 401", "POST, /api/v1/reporter-tokens, agent, 403",
			"GET, /api/v1/reporter-tokens, admin, 200", "DELETE, /api/v1/reporter-tokens/999999, admin, 404",
			"GET, /api/v1/reports/status/AD-0000-0000-0000, none, 404", "POST, /api/v1/reports:batch, none, 401",
			"GET, /api/v1/intake/quarantine, none, 401", "GET, /api/v1/intake/quarantine, agent, 200",
			"GET, /api/v1/intake/quarantine, reviewer, 200", "GET, /api/v1/intake/quarantine, senior, 200",
			"GET, /api/v1/intake/quarantine, legal, 200", "GET, /api/v1/intake/quarantine, admin, 200",
			"GET, /api/v1/intake/quarantine/999999999, agent, 404", "GET, /api/v1/intake/quarantine/1, none, 401",
			"DELETE, /api/v1/intake/quarantine/1, admin, 403",
			// the edge's change feed, and what an edge token opens elsewhere (nothing)
			"GET, /api/v1/mitigations/active, none, 401", "GET, /api/v1/mitigations/active, bogus, 401",
			"GET, /api/v1/mitigations/active, agent, 403", "GET, /api/v1/mitigations/active, reviewer, 403",
			"GET, /api/v1/mitigations/active, senior, 403", "GET, /api/v1/mitigations/active, legal, 403",
			"GET, /api/v1/mitigations/active, customer, 401", "GET, /api/v1/mitigations/active, admin, 200",
			"GET, /api/v1/mitigations/active, edge, 200", "GET, /api/v1/cases, edge, 403",
			"GET, /api/v1/outbox, edge, 403", "PUT, /api/v1/catalog, edge, 403", "GET, /api/v1/policy, edge, 403",
			"POST, /api/v1/cases/999999999/approvals, edge, 403",
			// customer tokens: issued and revoked by admins only
			"POST, /api/v1/customer-tokens, none, 401", "POST, /api/v1/customer-tokens, agent, 403",
			"POST, /api/v1/customer-tokens, senior, 403", "POST, /api/v1/customer-tokens, edge, 403",
			"POST, /api/v1/customer-tokens, customer, 401", "POST, /api/v1/customer-tokens, admin, 422",
			"DELETE, /api/v1/customer-tokens/999999999, none, 401",
			"DELETE, /api/v1/customer-tokens/999999999, reviewer, 403",
			"DELETE, /api/v1/customer-tokens/999999999, admin, 404",
			// staff end, extend and reschedule mitigations (protected ones: senior,
			// legal,
			// admin; an empty body is refused before the id is looked up) and list those
			// due
			// for review
			"POST, /api/v1/mitigations/999999999/end, none, 401", "POST, /api/v1/mitigations/999999999/end, bogus, 401",
			"POST, /api/v1/mitigations/999999999/end, agent, 403", "POST, /api/v1/mitigations/999999999/end, edge, 403",
			"POST, /api/v1/mitigations/999999999/end, customer, 401",
			"POST, /api/v1/mitigations/999999999/end, reviewer, 422",
			"POST, /api/v1/mitigations/999999999/end, senior, 422",
			"POST, /api/v1/mitigations/999999999/end, legal, 422",
			"POST, /api/v1/mitigations/999999999/end, admin, 422",
			"POST, /api/v1/mitigations/999999999/extend, none, 401",
			"POST, /api/v1/mitigations/999999999/extend, bogus, 401",
			"POST, /api/v1/mitigations/999999999/extend, agent, 403",
			"POST, /api/v1/mitigations/999999999/extend, edge, 403",
			"POST, /api/v1/mitigations/999999999/extend, customer, 401",
			"POST, /api/v1/mitigations/999999999/extend, reviewer, 422",
			"POST, /api/v1/mitigations/999999999/extend, senior, 422",
			"POST, /api/v1/mitigations/999999999/extend, legal, 422",
			"POST, /api/v1/mitigations/999999999/extend, admin, 422",
			"POST, /api/v1/mitigations/999999999/review, none, 401",
			"POST, /api/v1/mitigations/999999999/review, bogus, 401",
			"POST, /api/v1/mitigations/999999999/review, agent, 403",
			"POST, /api/v1/mitigations/999999999/review, edge, 403",
			"POST, /api/v1/mitigations/999999999/review, customer, 401",
			"POST, /api/v1/mitigations/999999999/review, reviewer, 422",
			"POST, /api/v1/mitigations/999999999/review, senior, 422",
			"POST, /api/v1/mitigations/999999999/review, legal, 422",
			"POST, /api/v1/mitigations/999999999/review, admin, 422",
			"GET, /api/v1/mitigations?review_due=true, none, 401",
			"GET, /api/v1/mitigations?review_due=true, customer, 401",
			"GET, /api/v1/mitigations?review_due=true, edge, 403",
			"GET, /api/v1/mitigations?review_due=true, agent, 200",
			"GET, /api/v1/mitigations?review_due=true, reviewer, 200",
			"GET, /api/v1/mitigations?review_due=true, senior, 200",
			"GET, /api/v1/mitigations?review_due=true, legal, 200",
			"GET, /api/v1/mitigations?review_due=true, admin, 200", "GET, /api/v1/mitigations, agent, 200",
			"GET, /api/v1/mitigations?review_due=maybe, agent, 422",
			// staff tokens: listed and revoked by admins only, never issued over the API
			"GET, /api/v1/staff-tokens, none, 401", "GET, /api/v1/staff-tokens, bogus, 401",
			"GET, /api/v1/staff-tokens, agent, 403", "GET, /api/v1/staff-tokens, reviewer, 403",
			"GET, /api/v1/staff-tokens, senior, 403", "GET, /api/v1/staff-tokens, legal, 403",
			"GET, /api/v1/staff-tokens, edge, 403", "GET, /api/v1/staff-tokens, customer, 401",
			"GET, /api/v1/staff-tokens, admin, 200", "GET, /api/v1/staff-tokens?limit=-1, admin, 422",
			"DELETE, /api/v1/staff-tokens/999999999, none, 401", "DELETE, /api/v1/staff-tokens/999999999, agent, 403",
			"DELETE, /api/v1/staff-tokens/999999999, senior, 403", "DELETE, /api/v1/staff-tokens/999999999, edge, 403",
			"DELETE, /api/v1/staff-tokens/999999999, customer, 401",
			"DELETE, /api/v1/staff-tokens/999999999, admin, 404", "DELETE, /api/v1/staff-tokens/x, admin, 400",
			"POST, /api/v1/staff-tokens, admin, 403", "DELETE, /api/v1/staff-tokens, admin, 403",
			// the customer API: customer tokens only, never staff tokens
			"GET, /api/v1/customer/mitigations, none, 401", "GET, /api/v1/customer/mitigations, bogus, 401",
			"GET, /api/v1/customer/mitigations, agent, 401", "GET, /api/v1/customer/mitigations, admin, 401",
			"GET, /api/v1/customer/mitigations, edge, 401", "GET, /api/v1/customer/mitigations, customer, 200",
			"GET, /api/v1/customer/reports, none, 401", "GET, /api/v1/customer/reports, reviewer, 401",
			"GET, /api/v1/customer/reports, admin, 401", "GET, /api/v1/customer/reports, customer, 200",
			"POST, /api/v1/customer/mitigations/999999999/review, none, 401",
			"POST, /api/v1/customer/mitigations/999999999/review, admin, 401",
			"POST, /api/v1/customer/mitigations/999999999/review, customer, 422",
			"DELETE, /api/v1/customer/mitigations/999999999, customer, 404",
			// the public phishing interstitial: read-only
			"GET, /interstitial/999999999, none, 404", "GET, /interstitial/999999999, admin, 404",
			"POST, /interstitial/999999999, none, 403",
			// the customer's web pages: a session from signing in with the token, never a
			// bearer token; posts need the form's CSRF token
			"GET, /customer, none, 302", "GET, /customer, admin, 302", "GET, /customer, customer, 302",
			"GET, /customer/sign-in, none, 200", "POST, /customer/sign-in, none, 403",
			"POST, /customer/mitigations/999999999/review, customer, 403",
			"POST, /customer/mitigations/999999999/appeal, customer, 403",
			"POST, /customer/mitigations/999999999/counter-notice, customer, 403",
			"GET, /interstitial/assets/warning.css, none, 200",
			// letters from a case (issue 17)
			"POST, /api/v1/cases/999999999/correspondence, none, 401",
			"POST, /api/v1/cases/999999999/correspondence, agent, 403",
			"POST, /api/v1/cases/999999999/correspondence, reviewer, 404",
			"POST, /api/v1/cases/999999999/correspondence, edge, 403",
			"GET, /api/v1/cases/999999999/correspondence/templates, agent, 404",
			"GET, /api/v1/cases/999999999/correspondence/templates, customer, 401" })
	void allowsOnlyTheRolesThatNeedIt(String method, String path, String role, int expected) {
		String token = switch (role) {
			case "none" -> null;
			case "bogus" -> "adk_not-a-real-token";
			case "customer" -> this.customerTokens.issue("account-" + UUID.randomUUID(), "test").token();
			default ->
				this.tokens.issue(role + "-" + UUID.randomUUID(), Role.fromWire(role).orElseThrow(), "test", null);
		};
		Api.Response response = switch (method) {
			case "GET" -> this.api.get(path, token);
			case "PUT" -> this.api.put(path, "{\"accounts\": []}", token);
			case "POST" -> this.api.post(path, "{}", token);
			case "DELETE" -> this.api.delete(path, token);
			default -> throw new IllegalArgumentException(method);
		};
		assertThat(response.status()).as(response.body()).isEqualTo(expected);
	}

	/**
	 * The console (docs/console.md) with a signed-in session per role, and with an
	 * anonymous session that has a CSRF token (so that only the role decides). A redirect
	 * is written as {@code 302 <path it leads to>}. Case 999999999 does not exist: a role
	 * the chain lets in gets 404 from the case-work API.
	 */
	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource({ "GET, /login, none, 200", "GET, /webjars/htmx.org/dist/htmx.min.js, none, 200",
			"GET, /console-assets/console.css, none, 200", "GET, /console, none, 302 /login",
			"GET, /console, agent, 200", "GET, /console, reviewer, 200", "GET, /console, senior, 200",
			"GET, /console, legal, 200", "GET, /console, admin, 200", "GET, /console/cases/999999999, none, 302 /login",
			"GET, /console/cases/999999999, agent, 404", "GET, /console/cases/999999999, legal, 404",
			"GET, /console/evidence/999999999, none, 302 /login", "GET, /console/evidence/999999999, agent, 404",
			"GET, /console/evidence/999999999, admin, 404", "GET, /console/nothing-here, none, 302 /login",
			"GET, /console/nothing-here, admin, 403", "POST, /console/cases/999999999/notes, none, 302 /login",
			"POST, /console/cases/999999999/notes, agent, 404", "POST, /console/cases/999999999/notes, legal, 404",
			"POST, /console/cases/999999999/escalate, none, 302 /login",
			"POST, /console/cases/999999999/escalate, agent, 404",
			"POST, /console/cases/999999999/escalate, senior, 404",
			"POST, /console/cases/999999999/emergency, none, 302 /login",
			"POST, /console/cases/999999999/emergency, agent, 403",
			"POST, /console/cases/999999999/emergency, legal, 403",
			"POST, /console/cases/999999999/emergency, reviewer, 404",
			"POST, /console/cases/999999999/emergency, senior, 404",
			"POST, /console/cases/999999999/emergency, admin, 404",
			"POST, /console/cases/999999999/claim, none, 302 /login",
			"POST, /console/cases/999999999/claim, agent, 403", "POST, /console/cases/999999999/claim, reviewer, 404",
			"POST, /console/cases/999999999/claim, senior, 404", "POST, /console/cases/999999999/claim, legal, 404",
			"POST, /console/cases/999999999/claim, admin, 404",
			"POST, /console/cases/999999999/release, none, 302 /login",
			"POST, /console/cases/999999999/release, agent, 403",
			"POST, /console/cases/999999999/release, reviewer, 302 /console/cases/999999999",
			"POST, /console/cases/999999999/accept, none, 302 /login",
			"POST, /console/cases/999999999/accept, agent, 403", "POST, /console/cases/999999999/accept, reviewer, 404",
			"POST, /console/cases/999999999/accept, senior, 404", "POST, /console/cases/999999999/accept, legal, 404",
			"POST, /console/cases/999999999/accept, admin, 404",
			"POST, /console/cases/999999999/change, none, 302 /login",
			"POST, /console/cases/999999999/change, agent, 403", "POST, /console/cases/999999999/change, reviewer, 404",
			"POST, /console/cases/999999999/deny, none, 302 /login", "POST, /console/cases/999999999/deny, agent, 403",
			"POST, /console/cases/999999999/deny, reviewer, 404", "POST, /console/cases/999999999/deny, admin, 404",
			"POST, /console/cases/999999999/approval, none, 302 /login",
			"POST, /console/cases/999999999/approval, agent, 403",
			"POST, /console/cases/999999999/approval, reviewer, 404",
			"POST, /console/cases/999999999/approval, senior, 404",
			"POST, /console/cases/999999999/approval, legal, 404",
			"POST, /console/cases/999999999/approval, admin, 404",
			"POST, /console/cases/999999999/link, none, 302 /login", "POST, /console/cases/999999999/link, agent, 403",
			"POST, /console/cases/999999999/link, reviewer, 404",
			"POST, /console/cases/999999999/merge, none, 302 /login",
			"POST, /console/cases/999999999/merge, agent, 403", "POST, /console/cases/999999999/merge, senior, 404",
			"POST, /console/bulk, none, 302 /login", "POST, /console/bulk, agent, 403",
			"POST, /console/bulk, reviewer, 302 /console", "POST, /console/bulk, admin, 302 /console",
			"DELETE, /console/cases/999999999, admin, 403", "GET, /console/staff, none, 302 /login",
			"GET, /console/staff, agent, 403", "GET, /console/staff, reviewer, 403", "GET, /console/staff, senior, 403",
			"GET, /console/staff, legal, 403", "GET, /console/staff, admin, 200",
			"POST, /console/staff, none, 302 /login", "POST, /console/staff, agent, 403",
			"POST, /console/staff, senior, 403", "POST, /console/staff, admin, 302 /console/staff",
			"POST, /console/staff/999999999/disable, none, 302 /login",
			"POST, /console/staff/999999999/disable, reviewer, 403",
			"POST, /console/staff/999999999/disable, legal, 403", "POST, /console/staff/999999999/disable, admin, 404",
			"POST, /console/staff/999999999/enable, none, 302 /login",
			"POST, /console/staff/999999999/enable, reviewer, 403", "POST, /console/staff/999999999/enable, legal, 403",
			"POST, /console/staff/999999999/enable, admin, 404",
			"POST, /console/staff/999999999/password, none, 302 /login",
			"POST, /console/staff/999999999/password, reviewer, 403",
			"POST, /console/staff/999999999/password, legal, 403",
			"POST, /console/staff/999999999/password, admin, 404",
			"POST, /console/staff/999999999/tokens, none, 302 /login",
			"POST, /console/staff/999999999/tokens, reviewer, 403", "POST, /console/staff/999999999/tokens, legal, 403",
			"POST, /console/staff/999999999/tokens, admin, 404",
			"POST, /console/staff/tokens/999999999/revoke, none, 302 /login",
			"POST, /console/staff/tokens/999999999/revoke, agent, 403",
			"POST, /console/staff/tokens/999999999/revoke, senior, 403",
			"POST, /console/staff/tokens/999999999/revoke, admin, 302 /console/staff",
			"DELETE, /console/staff, admin, 403", "GET, /console/transparency, none, 302 /login",
			"GET, /console/transparency, agent, 200", "GET, /console/transparency, legal, 200",
			"GET, /console/transparency, admin, 200", "GET, /console/transparency/report, none, 302 /login",
			"GET, /console/transparency/report, agent, 400", "POST, /console/transparency, admin, 403",
			// the mailbox's triage and quarantine: every staff role, as on the API
			"GET, /console/mailbox, none, 302 /login", "GET, /console/mailbox, agent, 200",
			"GET, /console/mailbox/quarantine, reviewer, 200", "GET, /console/mailbox/quarantine/999999999, agent, 404",
			"GET, /console/mailbox/quarantine/999999999/original, legal, 404",
			"POST, /console/mailbox/quarantine/999999999/release, none, 302 /login",
			"POST, /console/mailbox/quarantine/999999999/release, agent, 404", "DELETE, /console/mailbox, admin, 403",
			"GET, /console/dashboard, none, 302 /login", "GET, /console/dashboard, agent, 200",
			"GET, /console/mitigations, none, 302 /login", "GET, /console/mitigations, agent, 200",
			"GET, /console/mitigations/999999999, legal, 404",
			"POST, /console/mitigations/999999999/lift, none, 302 /login",
			"POST, /console/mitigations/999999999/lift, agent, 403",
			"POST, /console/mitigations/999999999/lift, reviewer, 404",
			"POST, /console/mitigations/999999999/extend, agent, 403",
			"POST, /console/mitigations/999999999/review, agent, 403", "GET, /console/emergencies, agent, 200",
			"POST, /console/emergencies/999999999/answer, agent, 403",
			"POST, /console/emergencies/999999999/answer, reviewer, 404", "GET, /console/policy, agent, 200",
			"POST, /console/policy/backtest, agent, 403", "POST, /console/policy/backtest, reviewer, 403",
			"POST, /console/policy/backtest, senior, 200", "GET, /console/cases/999999999/write, agent, 404",
			"POST, /console/cases/999999999/write, agent, 403", "POST, /console/cases/999999999/write, reviewer, 404",
			"GET, /console/search, none, 302 /login", "GET, /console/search, agent, 200",
			"GET, /console/search, legal, 200", "POST, /console/searches, none, 302 /login",
			"POST, /console/searches, agent, 302 /console/search",
			"POST, /console/searches/999999999/delete, none, 302 /login",
			"POST, /console/searches/999999999/delete, agent, 302 /console/search" })
	void consoleAllowsOnlyTheRolesThatNeedIt(String method, String path, String role, String expected) {
		ConsoleSession session = consoleSession(role);
		Map<String, String> form = Map.of("decision", "approve", "reason", "duplicate_report", "to", "senior", "body",
				"a note", "justification", "a threat", "other", "1", "into", "1", "action", "forward", "case",
				"999999999", "confirmed", "yes");
		Api.Response response = switch (method) {
			case "GET" -> session.get(path);
			case "POST" -> session.post(path, form);
			case "DELETE" -> session.delete(path);
			default -> throw new IllegalArgumentException(method);
		};
		String actual = Integer.toString(response.status());
		if (response.status() == 302) {
			actual += " " + java.net.URI.create(response.headers().firstValue("Location").orElse("")).getPath();
		}
		assertThat(actual).as(response.body()).isEqualTo(expected);
	}

	@Test
	void consoleRefusesAFormWithoutItsCsrfToken() {
		ConsoleSession session = consoleSession("reviewer");
		assertThat(session.postWithoutToken("/console/cases/999999999/notes", Map.of("body", "x")).status())
			.isEqualTo(403);
	}

	@Test
	void consoleRefusesAWrongPassword() {
		String name = "reviewer-" + UUID.randomUUID();
		this.accounts.create(name, Role.REVIEWER, "correct horse battery");
		ConsoleSession session = new ConsoleSession(this.port);
		Api.Response response = session.post("/login", Map.of("username", name, "password", "wrong password!"));
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		assertThat(session.get("/console").status()).isEqualTo(302);
	}

	private ConsoleSession consoleSession(String role) {
		ConsoleSession session = new ConsoleSession(this.port);
		if (!"none".equals(role)) {
			String name = role + "-" + UUID.randomUUID();
			this.accounts.create(name, Role.fromWire(role).orElseThrow(), "a long test password");
			session.signIn(name, "a long test password");
		}
		return session;
	}

}
