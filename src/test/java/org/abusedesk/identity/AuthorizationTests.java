package org.abusedesk.identity;

import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
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
			"POST, /api/v1/cases/999999999/emergency, admin, 422", "POST, /api/v1/cases/999999999/approvals, none, 401",
			"POST, /api/v1/cases/999999999/approvals, agent, 403",
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
			"POST, /customer/mitigations/999999999/review, customer, 403" })
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

}
