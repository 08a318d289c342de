package org.abusedesk.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.abusedesk.access.Role;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix from the OpenAPI document (issue 12, "keep it closed"): every
 * operation the API lists, with no credentials, an edge token, a customer token and each
 * staff role, so that an endpoint added tomorrow is checked without anyone remembering to
 * add it to {@link AuthorizationTests}. Nobody gets a server error, only the public
 * operations answer without credentials, the edge reads only its feed, and a customer
 * reaches only the customer API.
 */
class EndpointAuthorizationMatrixTests extends IntegrationTest {

	/**
	 * What anyone may call: filing a report, reading its status with the secret, and
	 * (with the same secret) appealing its denial or telling us of an action filed.
	 */
	private static final Set<String> PUBLIC = Set.of("POST /api/v1/reports/{type}",
			"GET /api/v1/reports/status/{trackingCode}", "GET /api/openapi",
			"POST /api/v1/reports/status/{trackingCode}/appeal",
			"POST /api/v1/reports/status/{trackingCode}/action-filed");

	/** What needs a reporter token rather than a staff one. */
	private static final Set<String> REPORTER = Set.of("POST /api/v1/reports:batch");

	private static final Map<String, String> VARIABLES = Map.of("{id}", "999999999", "{type}", "general",
			"{trackingCode}", "AD-0000-0000-0000");

	private static final HttpClient client = HttpClient.newHttpClient();

	@Autowired
	private StaffTokens tokens;

	@Autowired
	private CustomerTokens customerTokens;

	@Test
	void everyOperationOfTheOpenApiDocumentIsClosedToWhoMayNotUseIt() throws Exception {
		JsonNode paths = new Api(this.port).get("/api/openapi", null).json().get("paths");
		String edge = this.tokens.issue("matrix-edge", Role.EDGE, "test", null);
		String customer = this.customerTokens.issue("matrix-account", "matrix").token();
		List<String> checked = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				String operation = method.toUpperCase(Locale.ROOT) + " " + path;
				if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method.toUpperCase(Locale.ROOT))) {
					continue;
				}
				checked.add(operation);
				String concrete = concrete(path);
				boolean open = PUBLIC.contains(operation);
				// the console signs in with a session: without one, it sends you to sign
				// in
				Set<Integer> closed = path.startsWith("/console/") ? Set.of(302, 401, 403) : Set.of(401, 403);
				expect(wrong, operation, "none", call(method, concrete, null),
						open ? null : path.startsWith("/console/") ? closed : Set.of(401));
				boolean edgeFeed = operation.equals("GET /api/v1/mitigations/active");
				expect(wrong, operation, "edge", call(method, concrete, edge), (open || edgeFeed) ? null : closed);
				boolean customerApi = path.startsWith("/api/v1/customer/");
				expect(wrong, operation, "customer", call(method, concrete, customer),
						(open || customerApi) ? null : closed);
				for (Role role : List.of(Role.AGENT, Role.REVIEWER, Role.SENIOR, Role.LEGAL, Role.ADMIN)) {
					String staff = this.tokens.issue("matrix-" + role.wire(), role, "test", null);
					Set<Integer> refused = (customerApi || REPORTER.contains(operation)) ? closed : null;
					expect(wrong, operation, role.wire(), call(method, concrete, staff), open ? null : refused);
				}
			}
		}
		assertThat(checked).contains("GET /api/v1/cases/{id}", "PUT /api/v1/catalog", "GET /api/v1/outbox");
		assertThat(wrong).isEmpty();
	}

	/**
	 * @param allowed the statuses allowed, or {@code null} for any status but a server
	 * error
	 */
	private static void expect(List<String> wrong, String operation, String who, HttpResponse<String> answer,
			Set<Integer> allowed) {
		int status = answer.statusCode();
		if (status >= 500 || (allowed != null && !allowed.contains(status))) {
			wrong.add(operation + " as " + who + " -> " + status + " " + answer.body());
		}
	}

	private static String concrete(String path) {
		String concrete = path;
		for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
			concrete = concrete.replace(variable.getKey(), variable.getValue());
		}
		return concrete.replaceAll("\\{[^}]+}", "999999999");
	}

	/** A body no operation accepts ({@code []}), so that nothing is changed. */
	private HttpResponse<String> call(String method, String path, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		boolean hasBody = Set.of("post", "put", "patch").contains(method);
		request.header("Content-Type", "application/json")
			.method(method.toUpperCase(Locale.ROOT),
					hasBody ? HttpRequest.BodyPublishers.ofString("[]") : HttpRequest.BodyPublishers.noBody());
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
