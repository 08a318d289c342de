package org.abusedesk;

import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.appeals.AppealReason;
import org.abusedesk.cases.CaseStatus;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.intake.MailFormat;
import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.policy.Priority;
import org.abusedesk.vocabulary.WireValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document (issue 17, "the API for developers"): it validates as OpenAPI 3,
 * every request body names a schema, every operation says which token it takes and which
 * problems it can answer, and what it says about security is what the server does.
 */
class OpenApiTests extends IntegrationTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	private Api.Response response;

	private JsonNode document;

	@BeforeEach
	void fetch() throws IOException {
		this.response = new Api(this.port).get("/api/openapi", null);
		this.document = this.response.json();
		// kept for a person to read (and for the Swagger UI tests' comparison)
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), this.response.body());
	}

	@Test
	void theApplicationServesItsOpenApiDocument() {
		assertThat(this.response.status()).isEqualTo(200);
		assertThat(this.document.get("openapi").asString()).startsWith("3.");
		assertThat(this.document.at("/info/title").asString()).isEqualTo("abusedesk API");
		assertThat(this.document.get("paths").propertyNames()).contains("/api/v1/reports/{type}",
				"/api/v1/reports/status/{trackingCode}", "/api/v1/reports:batch", "/api/v1/catalog", "/api/v1/cases");
	}

	/**
	 * Issue 20, ADR 0014: durations are documented as they are written, whole seconds.
	 */
	@Test
	void durationsAreDocumentedAsWholeSeconds() {
		JsonNode mitigation = this.document.at("/components/schemas/ProposedMitigation/properties");
		assertThat(mitigation.propertyNames())
			.contains("effective_after_seconds", "expires_after_seconds", "review_after_seconds")
			.doesNotContain("effective_after", "expires_after", "review_after");
		assertThat(mitigation.at("/effective_after_seconds/type").asString()).isEqualTo("integer");
		JsonNode plan = this.document.at("/components/schemas/ResponsePlan/properties");
		assertThat(plan.propertyNames()).contains("due_in_seconds").doesNotContain("due_in");
		assertThat(plan.at("/due_in_seconds/type").asString()).isEqualTo("integer");
		assertThat(this.document.at("/components/schemas/CatalogDocument").toString()).contains("\"digest_seconds\"");
	}

	/**
	 * Issue 20: the schemas name the fields as the answers do, in snake case; a proposed
	 * mitigation's kind is its {@code entity_type} (its {@code target} is known only when
	 * it is recorded).
	 */
	@Test
	void schemasNameTheirFieldsAsTheAnswersDo() {
		List<String> camel = new ArrayList<>();
		JsonNode schemas = this.document.at("/components/schemas");
		for (String schema : schemas.propertyNames()) {
			for (String property : schemas.get(schema).path("properties").propertyNames()) {
				if (!property.equals(property.toLowerCase(Locale.ROOT))) {
					camel.add(schema + "." + property);
				}
			}
		}
		assertThat(camel).isEmpty();
		JsonNode mitigation = this.document.at("/components/schemas/ProposedMitigation/properties");
		assertThat(mitigation.propertyNames()).contains("entity_type", "territorial_scope").doesNotContain("target");
		assertThat(this.document.at("/components/schemas/StaffView/properties").propertyNames()).contains("entity_type",
				"target");
	}

	@Test
	void theDocumentValidatesAsOpenApi3() {
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(this.response.body(), null, null);
		assertThat(result.getOpenAPI()).isNotNull();
		assertThat(result.getMessages()).isEmpty();
	}

	@Test
	void everyRequestBodyNamesASchema() {
		List<String> bodies = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		forEachOperation((operation, node) -> {
			JsonNode body = node.get("requestBody");
			if (body == null) {
				return;
			}
			bodies.add(operation);
			JsonNode content = body.get("content");
			if (content == null || content.isEmpty()) {
				wrong.add(operation + ": no content");
				return;
			}
			for (String type : content.propertyNames()) {
				JsonNode schema = content.get(type).get("schema");
				if (schema == null || !(schema.has("$ref") || schema.has("oneOf") || schema.has("type"))) {
					wrong.add(operation + " (" + type + "): no schema");
				}
			}
		});
		assertThat(wrong).isEmpty();
		// the intake and the catalog read their bodies as bytes: documented by hand
		assertThat(bodies).contains("POST /api/v1/reports/{type}", "POST /api/v1/reports:batch", "PUT /api/v1/catalog",
				"POST /api/v1/customer-tokens", "POST /api/v1/mitigations/{id}/lift");
		JsonNode report = this.document
			.at("/paths/~1api~1v1~1reports~1{type}/post/requestBody/content/application~1json");
		assertThat(report.get("examples").propertyNames()).contains("phishing");
		assertThat(this.document.at("/components/schemas/PhishingReport/required").toString()).contains("reporter",
				"urls", "justification", "notify", "good_faith");
		assertThat(this.document.at("/components/schemas/DmcaReport/properties/accuracy_statement/type").asString())
			.isEqualTo("boolean");
		assertThat(
				this.document.at("/paths/~1api~1v1~1catalog/put/requestBody/content/application~1json/example/accounts")
					.isArray())
			.isTrue();
	}

	/**
	 * Issue 20: the glossary's closed sets are listed with their wire values, in what the
	 * API answers and in the bodies it reads as text and checks itself.
	 */
	@Test
	void theClosedSetsAreListedWithTheirWireValues() {
		JsonNode schemas = this.document.at("/components/schemas");
		assertThat(values(schemas.at("/MitigationView/properties/status")))
			.containsExactlyElementsOf(WireValue.wires(MitigationStatus.class));
		assertThat(values(schemas.at("/CustomerMitigation/properties/status")))
			.containsExactlyElementsOf(WireValue.wires(MitigationStatus.class));
		assertThat(values(schemas.at("/CatalogDocument/properties/accounts/items/properties/status")))
			.containsExactlyElementsOf(WireValue.wires(AccountStatus.class));
		assertThat(values(schemas.at("/ResponsePlan/properties/priority")))
			.containsExactlyElementsOf(WireValue.wires(Priority.class));
		assertThat(values(body("/api/v1/customer/mitigations/{id}/appeal", "reason")))
			.containsExactlyElementsOf(WireValue.wires(AppealReason.class));
		assertThat(values(body("/api/v1/customer/appeals", "reason")))
			.containsExactlyElementsOf(WireValue.wires(AppealReason.class));
		assertThat(values(body("/api/v1/reports/status/{trackingCode}/appeal", "reason")))
			.containsExactly("misclassified", "other");
		assertThat(values(body("/api/v1/customer/mitigations/{id}/review", "reason"))).containsExactly("removed",
				"misclassified");
		assertThat(values(schemas.at("/AppealView/properties/reason")))
			.containsExactlyElementsOf(WireValue.wires(AppealReason.class));
		assertThat(values(schemas.at("/MailOutcome/properties/format")))
			.containsExactlyElementsOf(WireValue.wires(MailFormat.class));
		assertThat(values(schemas.at("/QuarantinedMessage/properties/format")))
			.containsExactlyElementsOf(WireValue.wires(MailFormat.class));
		assertThat(
				values(schemas.at("/CatalogDocument/properties/accounts/items/properties/delivery/properties/format")))
			.containsExactlyElementsOf(WireValue.wires(DeliveryPreference.Format.class));
		assertThat(values(schemas.at("/CaseRow/properties/status")))
			.containsExactlyElementsOf(WireValue.wires(CaseStatus.class));
		assertThat(values(parameter("/api/v1/cases", "status")))
			.containsExactlyElementsOf(WireValue.wires(CaseStatus.class));
	}

	/**
	 * springdoc names a schema by the simple name of its class, so two records of the API
	 * with one simple name collapse into one schema and one of them is documented with
	 * the other's fields: GET /api/v1/reporter-tokens was documented with the staff
	 * tokens' fields, the answer of GET /api/v1/referrals as the request ({basis,
	 * country}), the correspondence of a case as audit entries.
	 */
	@Test
	void noTwoBodiesShareOneSchemaName() {
		Set<Class<?>> types = new java.util.HashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : this.handlers.getHandlerMethods().entrySet()) {
			if (handler.getKey().getPatternValues().stream().noneMatch((path) -> path.startsWith("/api/"))) {
				continue;
			}
			HandlerMethod method = handler.getValue();
			collect(method.getMethod().getGenericReturnType(), types);
			for (MethodParameter parameter : method.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					collect(parameter.getGenericParameterType(), types);
				}
			}
		}
		Map<String, Set<String>> byName = new TreeMap<>();
		types.forEach(
				(type) -> byName.computeIfAbsent(type.getSimpleName(), (name) -> new TreeSet<>()).add(type.getName()));
		byName.values().removeIf((classes) -> classes.size() < 2);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(byName).isEmpty();

		JsonNode schemas = this.document.at("/components/schemas");
		softly.assertThat(properties(answer("/api/v1/reporter-tokens")).propertyNames())
			.contains("reporter_kind", "organisation");
		softly.assertThat(properties(answer("/api/v1/staff-tokens")).propertyNames()).contains("role", "holder");
		softly.assertThat(properties(answer("/api/v1/referrals")).propertyNames())
			.contains("id", "case_id", "authority", "channel");
		softly
			.assertThat(properties(this.document.get("paths")
				.get("/api/v1/cases/{id}/referrals")
				.at("/post/requestBody/content/application~1json/schema")).propertyNames())
			.containsExactlyInAnyOrder("basis", "country");
		JsonNode correspondence = properties(answer("/api/v1/cases/{id}/correspondence")).path("messages");
		softly.assertThat(properties(correspondence).propertyNames())
			.contains("mail_message_id", "party", "received_at")
			.doesNotContain("stream", "prev_hash");
		softly.assertThat(schemas.propertyNames()).doesNotContain("TokenView");
		softly.assertAll();
	}

	/** The properties of {@code schema} (or of its items), following its reference. */
	private JsonNode properties(JsonNode schema) {
		JsonNode items = schema.path("items");
		JsonNode named = items.isMissingNode() ? schema : items;
		String ref = named.path("$ref").asString("");
		return ref.isEmpty() ? named.path("properties") : this.document.at(ref.substring(1) + "/properties");
	}

	private JsonNode answer(String path) {
		JsonNode content = this.document.get("paths").get(path).at("/get/responses/200/content");
		return content.get(content.propertyNames().iterator().next()).path("schema");
	}

	/** {@code type} and what it is made of, as far as it is one of ours. */
	private static void collect(Type type, Set<Class<?>> types) {
		if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), types);
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, types);
			}
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				collect(bound, types);
			}
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), types);
		}
		else if (type instanceof TypeVariable<?>) {
			// given by the parameterized type that uses it
		}
		else if (type instanceof Class<?> found) {
			if (found.isArray()) {
				collect(found.getComponentType(), types);
				return;
			}
			// an enum is written into the schema that uses it (its wire values), not
			// named
			if (!found.getName().startsWith("org.abusedesk.") || found.isEnum() || !types.add(found)) {
				return;
			}
			if (found.isRecord()) {
				for (RecordComponent component : found.getRecordComponents()) {
					collect(component.getGenericType(), types);
				}
			}
			if (found.isSealed()) {
				for (Class<?> subtype : found.getPermittedSubclasses()) {
					collect(subtype, types);
				}
			}
		}
	}

	/** The schema of the query parameter {@code name} of {@code GET path}. */
	private JsonNode parameter(String path, String name) {
		for (JsonNode parameter : this.document.get("paths").get(path).at("/get/parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter.path("schema");
			}
		}
		return this.document.at("/no-such-parameter");
	}

	/** A property of the JSON body that {@code POST path} takes. */
	private JsonNode body(String path, String property) {
		String ref = this.document.get("paths")
			.get(path)
			.at("/post/requestBody/content/application~1json/schema/$ref")
			.asString();
		return this.document.at(ref.substring(1) + "/properties/" + property);
	}

	private static List<String> values(JsonNode schema) {
		List<String> values = new ArrayList<>();
		schema.path("enum").forEach((value) -> values.add(value.asString()));
		return values;
	}

	@Test
	void everyOperationDeclaresItsSecurityAndItsProblems() {
		JsonNode schemes = this.document.at("/components/securitySchemes");
		assertThat(schemes.propertyNames()).containsExactlyInAnyOrder("reporterToken", "customerToken", "staffToken",
				"staffSession");
		for (String token : List.of("reporterToken", "customerToken", "staffToken")) {
			assertThat(schemes.get(token).get("type").asString()).isEqualTo("http");
			assertThat(schemes.get(token).get("scheme").asString()).isEqualTo("bearer");
		}
		assertThat(this.document.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title",
				"status", "detail", "errors");
		List<String> wrong = new ArrayList<>();
		List<String> open = new ArrayList<>();
		forEachOperation((operation, node) -> {
			JsonNode security = node.get("security");
			if (security == null || !security.isArray()) {
				wrong.add(operation + ": no security");
				return;
			}
			for (JsonNode requirement : security) {
				for (String scheme : requirement.propertyNames()) {
					if (!schemes.has(scheme)) {
						wrong.add(operation + ": unknown scheme " + scheme);
					}
				}
			}
			boolean secured = false;
			boolean anonymous = security.isEmpty();
			for (JsonNode requirement : security) {
				secured |= !requirement.isEmpty();
				anonymous |= requirement.isEmpty();
			}
			if (anonymous) {
				open.add(operation);
			}
			JsonNode responses = node.get("responses");
			List<String> problems = new ArrayList<>();
			responses.propertyNames().forEach((status) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					JsonNode schema = responses.get(status).at("/content/application~1problem+json/schema/$ref");
					if (!schema.asString("").equals("#/components/schemas/Problem")) {
						wrong.add(operation + " " + status + ": not a problem");
					}
					problems.add(status);
				}
			});
			responses.propertyNames().forEach((status) -> {
				if (status.startsWith("2") && !status.equals("204") && !described(responses.get(status))) {
					wrong.add(operation + " " + status + ": no answer schema");
				}
			});
			if (!problems.containsAll(List.of("400", "500"))) {
				wrong.add(operation + ": no 400 or 500 in " + problems);
			}
			if (secured && !problems.containsAll(List.of("401", "403"))) {
				wrong.add(operation + ": secured without 401 and 403");
			}
			if (node.has("requestBody") && !problems.contains("422")) {
				wrong.add(operation + ": takes a body but no 422");
			}
			if (operation.contains("{") && !problems.contains("404")) {
				wrong.add(operation + ": no 404");
			}
		});
		assertThat(wrong).isEmpty();
		// the same operations as the security chains leave open (a report may carry a
		// reporter token)
		assertThat(open).containsExactlyInAnyOrder("POST /api/v1/reports/{type}",
				"GET /api/v1/reports/status/{trackingCode}", "POST /api/v1/reports/status/{trackingCode}/appeal",
				"POST /api/v1/reports/status/{trackingCode}/action-filed");
		assertThat(this.document.at("/paths/~1api~1v1~1reports:batch/post/security/0").propertyNames())
			.containsExactly("reporterToken");
		assertThat(this.document.at("/paths/~1api~1v1~1customer~1mitigations/get/security/0").propertyNames())
			.containsExactly("customerToken");
		assertThat(this.document.at("/paths/~1api~1v1~1cases/get/security/0").propertyNames())
			.containsExactly("staffToken");
	}

	@Test
	void whatTheDocumentSaysIsSecuredIsRefusedWithoutAToken() {
		Api api = new Api(this.port);
		List<String> wrong = new ArrayList<>();
		forEachOperation((operation, node) -> {
			if (!operation.startsWith("GET ") || node.get("security").isEmpty()
					|| node.get("security").get(0).isEmpty()) {
				return;
			}
			String path = operation.substring(4).replaceAll("\\{[^}]+}", "1");
			Api.Response answer = api.get(path, null, "application/json");
			if (path.startsWith("/console/")) {
				// the console's session: without one, it sends you to sign in
				if (answer.status() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/login")) {
					wrong.add(operation + " -> " + answer.status());
				}
			}
			else if (answer.status() != 401) {
				wrong.add(operation + " -> " + answer.status());
			}
			else if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
				wrong.add(operation + ": 401 not as a problem");
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** Whether every media type of {@code response} has a schema. */
	private static boolean described(JsonNode response) {
		JsonNode content = response.get("content");
		if (content == null || content.isEmpty()) {
			return false;
		}
		for (String type : content.propertyNames()) {
			if (!content.get(type).has("schema")) {
				return false;
			}
		}
		return true;
	}

	private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
		JsonNode paths = this.document.get("paths");
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				if (METHODS.contains(method)) {
					action.accept(method.toUpperCase(Locale.ROOT) + " " + path, paths.get(path).get(method));
				}
			}
		}
	}

}
