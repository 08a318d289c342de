package org.abusedesk.problems;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.DeskTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careless or hostile client, from the OpenAPI document: every operation it lists, each
 * called by someone who may call it (an admin for the staff API, a customer for the
 * customer API, a reporter for the batch, nobody for the public operations), with path
 * variables that are no number or too large, query parameters of the wrong type or out of
 * range, and bodies that are missing, not JSON, not an object or whose fields have the
 * wrong type. The desk never answers with a server error, answers every refusal as
 * problem details, and says which field or parameter is wrong. Every offence is
 * collected, so that one run shows them all. Resources are named by ids that do not exist
 * (999999999), so nothing is changed.
 */
class MalformedRequestTests extends DeskTest {

	/** What anyone may call (as in {@code EndpointAuthorizationMatrixTests}). */
	private static final Set<String> PUBLIC = Set.of("POST /api/v1/reports/{type}",
			"GET /api/v1/reports/status/{trackingCode}", "GET /api/openapi",
			"POST /api/v1/reports/status/{trackingCode}/appeal",
			"POST /api/v1/reports/status/{trackingCode}/action-filed");

	/** What needs a reporter token rather than a staff one. */
	private static final Set<String> REPORTER = Set.of("POST /api/v1/reports:batch");

	private static final Map<String, String> VARIABLES = Map.of("{id}", "999999999", "{type}", "general",
			"{trackingCode}", "AD-0000-0000-0000");

	private static final List<String> BAD_PATH_VALUES = List.of("abc", "-1", "99999999999999999999", "a".repeat(300));

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final ObjectMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	private JsonNode document;

	@Test
	void everyOperationAnswersBadInputWithAProblemThatSaysWhatIsWrong() throws Exception {
		this.document = this.api.get("/api/openapi", null).json();
		JsonNode paths = this.document.get("paths");
		String customer = customerToken("hosting-" + this.catalog.id());
		String reporter = reporterToken("fuzz", "organisation", "Fuzzer",
				"fuzz-" + this.catalog.id() + "@fuzz.example");
		List<String> wrong = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				String verb = method.toUpperCase(Locale.ROOT);
				if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
					continue;
				}
				String operation = verb + " " + path;
				JsonNode spec = paths.get(path).get(method);
				String token = PUBLIC.contains(operation) ? null : REPORTER.contains(operation) ? reporter
						: path.startsWith("/api/v1/customer/") ? customer : this.admin;
				checked.add(operation);
				Call call = new Call(operation, verb, path, token, spec, wrong);
				badPathVariables(call);
				badQueryParameters(call);
				badBodies(call);
			}
		}
		assertThat(checked).contains("GET /api/v1/cases", "PUT /api/v1/catalog", "POST /api/v1/reports:batch",
				"POST /api/v1/customer/appeals");
		assertThat(wrong).isEmpty();
	}

	@Test
	void aReporterKindOrNotifyChoiceThatIsAListOrAnObjectIsNamedInsteadOfAServerError() {
		for (String body : List.of("{\"reporter\": {\"kind\": [\"individual\"]}}", "{\"notify\": {\"host\": {}}}")) {
			Api.Response answer = this.api.post("/api/v1/reports/general", body, null);
			assertThat(answer.status()).as(answer.body()).isEqualTo(422);
			assertThat(answer.errors()).containsAnyOf("reporter.kind invalid_type", "notify.host invalid_type");
		}
		String reporter = reporterToken("kinds", "organisation", "Flagger",
				"kinds-" + this.catalog.id() + "@fuzz.example");
		Api.Response batch = this.api.post("/api/v1/reports:batch",
				"{\"reports\": [{\"type\": \"general\", \"report\": {\"notify\": {\"owner\": [\"send\"]}}}]}",
				reporter);
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);
		assertThat(batch.json().at("/results/0/errors").valueStream().map((error) -> error.get("field").asString()))
			.contains("reports[0].report.notify.owner");
	}

	@Test
	void aFieldOfTheWrongTypeIsNamedInsteadOfTheBodyBeingCalledNoJson() {
		Api.Response strike = this.api.post("/api/v1/reporter-strikes", "{\"report_id\": \"text\"}", this.admin);
		assertThat(strike.status()).as(strike.body()).isEqualTo(422);
		assertThat(strike.errors()).containsExactly("report_id invalid_type");
		assertThat(strike.json().at("/errors/0/message").asString()).isEqualTo("This field must be a whole number.");

		Api.Response appeal = this.api.post("/api/v1/customer/appeals", "{\"mitigation_ids\": [\"x\"]}",
				customerToken("hosting-" + this.catalog.id()));
		assertThat(appeal.status()).as(appeal.body()).isEqualTo(422);
		assertThat(appeal.errors()).containsExactly("mitigation_ids[0] invalid_type");
	}

	@Test
	void aBodyOfValidJsonThatIsNoObjectIsSaidToBeNoObjectAndAMissingBodyMissing() {
		Api.Response list = this.api.post("/api/v1/reporter-strikes", "[]", this.admin);
		assertThat(list.status()).as(list.body()).isEqualTo(422);
		assertThat(list.errors()).containsExactly(" invalid_json");
		assertThat(list.json().at("/errors/0/message").asString()).isEqualTo("The request body must be a JSON object.");

		Api.Response none = this.api.post("/api/v1/reporter-strikes", "", this.admin);
		assertThat(none.status()).as(none.body()).isEqualTo(422);
		assertThat(none.errors()).containsExactly(" required");
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsAFieldErrorLikeOneOutOfRange() {
		Api.Response word = this.api.get("/api/v1/cases?limit=x", this.admin);
		assertThat(word.status()).as(word.body()).isEqualTo(422);
		assertThat(word.errors()).containsExactly("limit invalid_type");
		Api.Response huge = this.api.get("/api/v1/cases?after=99999999999999999999", this.admin);
		assertThat(huge.status()).as(huge.body()).isEqualTo(422);
		assertThat(huge.errors()).containsExactly("after out_of_range");
		// a path variable that is no number stays a bad request (ErrorPagesTests)
		assertThat(this.api.get("/api/v1/cases/abc", this.admin).status()).isEqualTo(400);
	}

	@Test
	void anUnknownOutboxStatusIsAFieldErrorInsteadOfAnEmptyList() {
		Api.Response unknown = this.api.get("/api/v1/outbox?status=sneding", this.admin);
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
		assertThat(unknown.errors()).containsExactly("status invalid");
		assertThat(unknown.json().at("/errors/0/message").asString()).contains("pending", "sending", "sent", "failed");
		assertThat(this.api.get("/api/v1/outbox?status=failed", this.admin).status()).isEqualTo(200);
	}

	@Test
	void aQuarantinePageOfNoOrANegativeNumberOfMessagesIsRefused() {
		for (String limit : List.of("0", "-1", "201")) {
			Api.Response answer = this.api.get("/api/v1/intake/quarantine?limit=" + limit, this.admin);
			assertThat(answer.status()).as(answer.body()).isEqualTo(422);
			assertThat(answer.errors()).containsExactly("limit out_of_range");
		}
		assertThat(this.api.get("/api/v1/intake/quarantine?limit=200", this.admin).status()).isEqualTo(200);
	}

	@Test
	void theCaseStatusesAreListedForTheStatusOfTheCasesOnly() {
		JsonNode paths = this.api.get("/api/openapi", null).json().get("paths");
		assertThat(paths.at("/~1api~1v1~1cases/get/parameters/0/schema/enum").values()).isNotEmpty();
		for (String parameter : List.of("/~1api~1v1~1referrals/get/parameters/0",
				"/~1api~1v1~1staff-tokens/get/parameters/1",
				"/~1api~1v1~1reports~1status~1{trackingCode}/get/parameters/1")) {
			assertThat(paths.at(parameter + "/schema").has("enum")).as(paths.at(parameter).toString()).isFalse();
		}
	}

	@Test
	void theDecisionOnAnAppealOrAnAccountMeasureIsDocumentedWithItsOwnFields() {
		JsonNode document = this.api.get("/api/openapi", null).json();
		Map<String, String> fields = Map.of("/api/v1/appeals/{id}/decision", "outcome",
				"/api/v1/account-measures/{id}/decision", "decision");
		for (Map.Entry<String, String> operation : fields.entrySet()) {
			String ref = document.get("paths")
				.get(operation.getKey())
				.at("/post/requestBody/content/application~1json/schema/$ref")
				.asString();
			JsonNode schema = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
			assertThat(schema.get("properties").propertyNames()).as(operation.getKey())
				.containsExactlyInAnyOrder(operation.getValue(), "reason");
		}
	}

	private void badPathVariables(Call call) throws Exception {
		Matcher variables = VARIABLE.matcher(call.path());
		while (variables.find()) {
			String name = variables.group(1);
			for (String value : BAD_PATH_VALUES) {
				String path = concrete(call.path().replace("{" + name + "}", encode(value)));
				HttpResponse<String> answer = send(call, path, hasBody(call) ? "{}" : null, "application/json");
				expectProblem(call, name + "=" + abbreviate(value), answer, name);
			}
		}
	}

	private void badQueryParameters(Call call) throws Exception {
		JsonNode parameters = call.spec().get("parameters");
		if (parameters == null) {
			return;
		}
		for (JsonNode parameter : parameters) {
			if (!"query".equals(parameter.get("in").asString())) {
				continue;
			}
			String name = parameter.get("name").asString();
			JsonNode schema = parameter.path("schema");
			List<String> values = new ArrayList<>(List.of("", "nonsense", "a".repeat(300)));
			if ("integer".equals(schema.path("type").asString()) || name.equals("limit") || name.endsWith("_limit")) {
				values.addAll(List.of("x", "-1", "0", "2147483648", "99999999999999999999", "1.5"));
			}
			boolean closed = schema.has("enum") || name.equals("limit") || name.endsWith("_limit");
			for (String value : values) {
				String path = concrete(call.path()) + "?" + name + "=" + encode(value);
				HttpResponse<String> answer = send(call, path, null, null);
				String input = "?" + name + "=" + abbreviate(value);
				expectProblem(call, input, answer, name);
				int status = answer.statusCode();
				if (status >= 400 && status < 500 && !Set.of(401, 403, 404).contains(status)
						&& !namesField(answer, name)) {
					call.wrong()
						.add(call.operation() + " with " + input + " -> " + status + " has no error for " + name + ": "
								+ abbreviate(answer.body()));
				}
				boolean outOfRange = (closed && !value.isEmpty()) || (name.endsWith("limit") && value.equals("0"));
				if (outOfRange && status < 300) {
					call.wrong()
						.add(call.operation() + " with " + input + " -> " + status + " instead of a field error: "
								+ abbreviate(answer.body()));
				}
			}
		}
	}

	private void badBodies(Call call) throws Exception {
		if (!hasBody(call)) {
			return;
		}
		String path = concrete(call.path());
		expectProblem(call, "no body", send(call, path, null, "application/json"), null);
		expectProblem(call, "body 'not json'", send(call, path, "not json", "application/json"), null);
		for (String root : List.of("[]", "null", "\"text\"", "42", "true")) {
			HttpResponse<String> answer = send(call, path, root, "application/json");
			expectProblem(call, "body " + root, answer, null);
			if (answer.body().contains("not valid JSON")) {
				call.wrong()
					.add(call.operation() + " with body " + root + " -> " + answer.statusCode()
							+ " says the valid JSON is not JSON instead of that it must be an object: "
							+ abbreviate(answer.body()));
			}
		}
		expectProblem(call, "body {}", send(call, path, "{}", "application/json"), null);
		expectProblem(call, "text/plain", send(call, path, "{}", "text/plain"), null);
		JsonNode schema = bodySchema(call);
		if (schema == null) {
			return;
		}
		for (Map.Entry<String, JsonNode> field : wrongFields(schema, "", 0).entrySet()) {
			HttpResponse<String> answer = send(call, path, json.writeValueAsString(field.getValue()),
					"application/json");
			String input = "body " + abbreviate(json.writeValueAsString(field.getValue()));
			expectProblem(call, input, answer, null);
			if (answer.statusCode() == 422 && blamesTheWholeBody(answer)) {
				call.wrong()
					.add(call.operation() + " with " + input + " -> 422 names no field (expected "
							+ field.getKey().replaceAll("#.*", "") + "): " + abbreviate(answer.body()));
			}
		}
	}

	/**
	 * Bodies with one field each of a wrong type, keyed by the field's path and a number
	 * (for bodies of the same field).
	 */
	private Map<String, JsonNode> wrongFields(JsonNode schema, String prefix, int depth) {
		Map<String, JsonNode> bodies = new LinkedHashMap<>();
		JsonNode properties = resolve(schema).path("properties");
		for (String name : properties.propertyNames()) {
			JsonNode property = resolve(properties.get(name));
			String path = prefix.isEmpty() ? name : prefix + "." + name;
			int n = 0;
			for (JsonNode value : wrongValues(property)) {
				ObjectNode body = json.createObjectNode();
				body.set(name, value);
				bodies.put(path + "#" + n++, body);
			}
			if (depth < 1 && property.has("properties")) {
				for (Map.Entry<String, JsonNode> nested : wrongFields(property, path, depth + 1).entrySet()) {
					ObjectNode body = json.createObjectNode();
					body.set(name, nested.getValue());
					bodies.put(nested.getKey(), body);
				}
			}
			if (depth < 1 && "array".equals(property.path("type").asString())
					&& resolve(property.path("items")).has("properties")) {
				for (Map.Entry<String, JsonNode> nested : wrongFields(property.get("items"), path + "[0]", depth + 1)
					.entrySet()) {
					ObjectNode body = json.createObjectNode();
					body.set(name, json.createArrayNode().add(nested.getValue()));
					bodies.put(nested.getKey(), body);
				}
			}
		}
		return bodies;
	}

	private List<JsonNode> wrongValues(JsonNode property) {
		ObjectNode object = json.createObjectNode().put("a", "b");
		ArrayNode strings = json.createArrayNode().add("a");
		List<JsonNode> values = new ArrayList<>();
		String type = property.path("type").asString();
		switch (type) {
			case "integer",
					"number" ->
				values.addAll(List.of(json.getNodeFactory().textNode("text"), json.getNodeFactory().booleanNode(true),
						strings, object,
						json.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999")),
						json.getNodeFactory().numberNode(1.5)));
			case "boolean" -> values.addAll(List.of(json.getNodeFactory().textNode("text"),
					json.getNodeFactory().numberNode(1), strings, object));
			case "array" -> {
				values.addAll(
						List.of(json.getNodeFactory().textNode("text"), json.getNodeFactory().numberNode(1), object));
				String items = resolve(property.path("items")).path("type").asString();
				values.add(json.createArrayNode()
					.add(("integer".equals(items) || "number".equals(items)) ? json.getNodeFactory().textNode("text")
							: object));
			}
			case "string" -> {
				values.addAll(List.of(json.getNodeFactory().numberNode(12345), json.getNodeFactory().booleanNode(true),
						strings, object));
				if (property.has("enum")) {
					values.add(json.getNodeFactory().textNode("nonsense"));
				}
			}
			default -> values
				.addAll(List.of(json.getNodeFactory().textNode("text"), json.getNodeFactory().numberNode(1), strings));
		}
		return values;
	}

	/** The schema of the body, for a report the one of the type the path names. */
	private JsonNode bodySchema(Call call) {
		JsonNode schema = call.spec().path("requestBody").path("content").path("application/json").path("schema");
		if (schema.has("oneOf")) {
			for (JsonNode choice : schema.get("oneOf")) {
				if (choice.path("$ref").asString().endsWith("/GeneralReport")) {
					return choice;
				}
			}
		}
		return schema.isMissingNode() ? null : schema;
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return this.document.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private static boolean namesField(HttpResponse<String> answer, String field) {
		try {
			return json.readTree(answer.body())
				.path("errors")
				.valueStream()
				.anyMatch((error) -> error.path("field").asString().equals(field));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean blamesTheWholeBody(HttpResponse<String> answer) {
		JsonNode errors = json.readTree(answer.body()).path("errors");
		return errors.size() > 0 && errors.valueStream().allMatch((error) -> error.path("field").asString().isEmpty());
	}

	/**
	 * The answer is no server error, a refusal is problem details, and one of a bad
	 * parameter names it.
	 */
	private static void expectProblem(Call call, String input, HttpResponse<String> answer, String parameter) {
		int status = answer.statusCode();
		String said = call.operation() + " with " + input + " -> " + status + " " + abbreviate(answer.body());
		if (status >= 500) {
			call.wrong().add(said);
			return;
		}
		if (status < 400 || status == 401 || status == 403 || status == 404) {
			return;
		}
		String type = answer.headers().firstValue("Content-Type").orElse("");
		JsonNode problem;
		try {
			problem = json.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			problem = null;
		}
		if (!type.startsWith("application/problem+json") || problem == null || problem.path("status").asInt() != status
				|| !problem.has("title")) {
			call.wrong().add(said + " (not problem details: " + type + ")");
			return;
		}
		boolean namesAField = problem.path("errors")
			.valueStream()
			.anyMatch((error) -> !error.path("field").asString().isEmpty());
		if (parameter != null && !namesAField && !answer.body().contains(parameter)) {
			call.wrong().add(said + " (does not name " + parameter + ")");
		}
	}

	private static boolean hasBody(Call call) {
		return call.spec().has("requestBody");
	}

	private HttpResponse<String> send(Call call, String path, String body, String contentType)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
		if (call.token() != null) {
			request.header("Authorization", "Bearer " + call.token());
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(call.verb(),
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String concrete(String path) {
		String concrete = path;
		for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
			concrete = concrete.replace(variable.getKey(), variable.getValue());
		}
		return concrete.replaceAll("\\{[^}]+}", "999999999");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ");
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	private record Call(String operation, String verb, String path, String token, JsonNode spec, List<String> wrong) {
	}

}
