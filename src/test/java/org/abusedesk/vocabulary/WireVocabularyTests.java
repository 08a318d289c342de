package org.abusedesk.vocabulary;

import org.abusedesk.DeskTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.abusedesk.Api;
import org.abusedesk.appeals.AppealReason;
import org.abusedesk.mitigations.MitigationStatus;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.catalog.AccountStatus;
import org.abusedesk.catalog.DeliveryPreference;
import org.abusedesk.catalog.Service;
import org.abusedesk.access.Role;
import org.abusedesk.intake.DenialReason;
import org.abusedesk.intake.MailFormat;
import org.abusedesk.intake.MailIntake;
import org.abusedesk.intake.MailOutcome;
import org.abusedesk.intake.NotifyChoice;
import org.abusedesk.intake.ReportStatus;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;
import org.abusedesk.policy.DecisionFacts;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.NotificationKind;
import org.abusedesk.policy.Priority;
import org.abusedesk.policy.Review;
import org.abusedesk.vocabulary.WireValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the API spoke the glossary's words in two spellings ({@code "service":
 * "PROXY"} beside {@code "report_type": "phishing"}). Every JSON answer of every
 * {@code GET} endpoint the OpenAPI document lists, and the answers to the writes that
 * fill them, carry only the lower-case wire values.
 */
class WireVocabularyTests extends DeskTest {

	/** The glossary's closed sets that travel on the wire. */
	private static final List<Class<? extends WireValue>> VOCABULARY = List.of(Service.class, ReportType.class,
			ReporterKind.class, NotifyChoice.class, ReportStatus.class, DenialReason.class, NotificationKind.class,
			MitigationType.class, EntityType.class, Review.class, Role.class, MitigationStatus.class,
			AccountStatus.class, Priority.class, AppealReason.class, MailFormat.class, DeliveryPreference.Format.class,
			DeliveryPreference.Aggregation.class);

	/**
	 * An ISO-8601 duration ({@code PT24H}, {@code P30D}, {@code PT0S}): a {@code P}, then
	 * at least one number with its unit, and nothing else, so that words such as
	 * {@code PROXY} or {@code P1} do not match.
	 */
	private static final Pattern ISO_DURATION = Pattern
		.compile("-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");

	/** A field named for a duration in a unit other than seconds. */
	private static final Pattern OTHER_UNIT = Pattern.compile(".*_(ms|millis|minutes|hours|days|weeks)");

	/** A field named like a duration that does not say its unit. */
	private static final Pattern NO_UNIT = Pattern.compile("(.+_)?(duration|delay|timeout|lease|ttl|interval|window"
			+ "|due_in|expires_in|retry_after|effective_after|expires_after|review_after|decide_within)");

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private MailIntake mail;

	@Autowired
	private ObjectMapper json;

	@Test
	void apiAnswersCarryNoUpperCaseEnumValue() {
		Map<String, Api.Response> answers = new LinkedHashMap<>();
		answers.put("PUT /api/v1/catalog", this.api.put("/api/v1/catalog", this.catalog.document(), this.admin));
		Api.Response proxied = this.api.post("/api/v1/reports/phishing",
				this.catalog.report("shop." + this.catalog.proxiedZone(), "send", "send-anon"), null);
		Api.Response hosted = this.api.post("/api/v1/reports/phishing",
				this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"), null);
		answers.put("POST /api/v1/reports/phishing", hosted);
		long caseId = caseOf(hosted.json().get("id").asLong());
		caseOf(proxied.json().get("id").asLong());
		long mitigationId = this.mitigations
			.create(new NewMitigation(caseId, "content_disable", "url_pattern", List.of("DE"), Instant.now(), null,
					null, "staff:test", Map.of(), "https://blog." + this.catalog.hostedZone() + "/login.php", null))
			.id();
		Api.Response customerToken = this.api.post("/api/v1/customer-tokens",
				"{\"account_ref\": \"hosting-" + this.catalog.id() + "\", \"label\": \"portal\"}", this.admin);
		answers.put("POST /api/v1/customer-tokens", customerToken);
		String customer = customerToken.json().get("token").asString();
		Api.Response appeal = this.api.post("/api/v1/customer/mitigations/" + mitigationId + "/appeal",
				"{\"reason\": \"misclassified\", \"statement\": \"It is our own page.\"}", customer);
		answers.put("POST /api/v1/customer/mitigations/{id}/appeal", appeal);
		String edge = this.tokens.issue("edge-" + this.catalog.id(), Role.EDGE, "test", null);
		MailOutcome quarantined = this.mail
			.receive(("From: x-" + this.catalog.id() + "@senders.example\r\nSubject: nothing " + this.catalog.id()
					+ "\r\n\r\nNo indicator here.\r\n")
				.getBytes(StandardCharsets.UTF_8), "test", null);
		Map<String, String> variables = Map.of("id", String.valueOf(caseId), "trackingCode",
				hosted.json().get("tracking_code").asString());

		JsonNode paths = this.api.get("/api/openapi", null).json().get("paths");
		List<String> read = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/") || !paths.get(path).has("get")) {
				continue;
			}
			if (path.equals("/api/v1/account-measures/{id}")) {
				continue; // no repeat-infringer measure in this scenario: its list is
							// walked
			}
			String concrete = path.startsWith("/api/v1/intake/quarantine/")
					? path.replace("{id}", String.valueOf(quarantined.messageId()))
					: path.startsWith("/api/v1/appeals/") ? path.replace("{id}", appeal.json().get("id").asString())
							: substitute(path, variables);
			String token = path.startsWith("/api/v1/customer/") ? customer
					: path.equals("/api/v1/mitigations/active") ? edge : this.admin;
			if (path.equals("/api/v1/reports/status/{trackingCode}")) {
				concrete += "?secret=" + hosted.json().get("status_secret").asString();
			}
			Api.Response answer = this.api.get(concrete, token);
			assertThat(answer.status()).as("GET " + concrete + ": " + answer.body()).isEqualTo(200);
			answers.put("GET " + concrete, answer);
			read.add(path);
		}

		assertThat(read).contains("/api/v1/cases/{id}", "/api/v1/customer/mitigations", "/api/v1/mitigations/active",
				"/api/v1/reports/status/{trackingCode}", "/api/v1/outbox");
		Set<String> constants = constantsThatAreNotWireValues();
		List<String> durations = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		answers.forEach((request, answer) -> {
			assertThat(answer.status()).as(request + ": " + answer.body()).isBetween(200, 299);
			if (!answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
				return; // the original of a quarantined message, as it came
			}
			List<String> found = new ArrayList<>();
			collect(this.json.readTree(answer.body()), "$", constants, found);
			assertThat(found).as(request + " answers with Java constants instead of wire values").isEmpty();
			List<String> nested = new ArrayList<>();
			collectJsonInStrings(this.json.readTree(answer.body()), "$", nested);
			assertThat(nested).as(request + " answers with JSON inside a string (audit details)").isEmpty();
			collectDurations(this.json.readTree(answer.body()), request + " $", durations);
			collectEntityTypesNamedTarget(this.json.readTree(answer.body()), request + " $", targets);
		});
		assertThat(durations).as("durations not spelled as whole seconds in a field ending _seconds").isEmpty();
		assertThat(targets).as("an entity type under the name target (the URL, zone or account itself)").isEmpty();
	}

	/**
	 * Issue 20: {@code GET /api/v1/cases/{id}} answered {@code "target": "url_pattern"}
	 * for the kind of thing a proposed mitigation applies to, where the mitigations' own
	 * answers say {@code entity_type} for the kind and {@code target} for the URL, zone
	 * or account itself.
	 */
	@Test
	void aCasesPlanAnsweredTargetUrlPatternForAProposedMitigationsEntityType() {
		Api.Response hosted = this.api.post("/api/v1/reports/phishing",
				this.catalog.report("blog." + this.catalog.hostedZone(), "send", "send"), null);
		long caseId = caseOf(hosted.json().get("id").asLong());

		JsonNode shown = this.api.get("/api/v1/cases/" + caseId, this.admin).json();
		List<JsonNode> proposed = new ArrayList<>();
		shown.get("reports")
			.forEach((report) -> report.get("decisions")
				.forEach((decision) -> decision.at("/plan/mitigations").forEach(proposed::add)));
		assertThat(proposed).isNotEmpty().allSatisfy((mitigation) -> {
			assertThat(mitigation.get("entity_type").asString()).isEqualTo("url_pattern");
			assertThat(mitigation.has("target")).as(mitigation.toString()).isFalse();
			assertThat(mitigation.get("effective_after_seconds").isIntegralNumber()).as(mitigation.toString()).isTrue();
		});
	}

	@Test
	void decisionFactsAreStoredWithWireValues() {
		assertThat(this.json.writeValueAsString(DecisionFacts.of(Service.PROXY, "phishing", "individual")))
			.contains("\"service\":\"proxy\"")
			.doesNotContain("PROXY");
		assertThat(this.json.readValue("{\"service\":\"PROXY\"}", Probe.class).service()).isEqualTo(Service.PROXY);
		assertThat(this.json.readValue("\"url_pattern\"", EntityType.class)).isEqualTo(EntityType.URL_PATTERN);
	}

	/** Facts stored before the fix spelled the service as its Java constant. */
	record Probe(Service service) {
	}

	private static String substitute(String path, Map<String, String> variables) {
		String concrete = path;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			concrete = concrete.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		assertThat(concrete).as("a path variable this test does not know: " + path).doesNotContain("{");
		return concrete;
	}

	private static Set<String> constantsThatAreNotWireValues() {
		Set<String> constants = new HashSet<>();
		for (Class<? extends WireValue> type : VOCABULARY) {
			for (WireValue value : type.getEnumConstants()) {
				String name = ((Enum<?>) value).name();
				if (!name.equals(value.wire())) {
					constants.add(name);
				}
			}
		}
		return constants;
	}

	/** A JSON object or array written as a string inside JSON, e.g. audit details. */
	private static void collectJsonInStrings(JsonNode node, String where, List<String> found) {
		if (node.isString() && node.asString().startsWith("{\"") && !where.endsWith(".body")) {
			found.add(where);
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectJsonInStrings(node.get(i), where + "[" + i + "]", found);
			}
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				collectJsonInStrings(node.get(name), where + "." + name, found);
			}
		}
	}

	/**
	 * Issue 20: every duration is whole seconds in a field ending {@code _seconds}; no
	 * ISO-8601 string, no other unit, no field that leaves its unit unsaid.
	 */
	private static void collectDurations(JsonNode node, String where, List<String> found) {
		if (node.isString() && ISO_DURATION.matcher(node.asString()).matches()) {
			found.add(where + " = " + node.asString());
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectDurations(node.get(i), where + "[" + i + "]", found);
			}
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				JsonNode value = node.get(name);
				if (!value.isContainer() && (OTHER_UNIT.matcher(name).matches() || NO_UNIT.matcher(name).matches())) {
					found.add(where + "." + name + " = " + value);
				}
				collectDurations(value, where + "." + name, found);
			}
		}
	}

	/**
	 * A field named {@code target} whose value is an entity type, the kind not the thing.
	 */
	private static void collectEntityTypesNamedTarget(JsonNode node, String where, List<String> found) {
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectEntityTypesNamedTarget(node.get(i), where + "[" + i + "]", found);
			}
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				JsonNode value = node.get(name);
				if (name.equals("target") && value.isString() && EntityType.fromWire(value.asString()).isPresent()) {
					found.add(where + ".target = " + value.asString());
				}
				collectEntityTypesNamedTarget(value, where + "." + name, found);
			}
		}
	}

	@Test
	void anIsoDurationIsToldFromOtherWords() {
		assertThat(List.of("PT24H", "P30D", "PT0S", "P6M", "PT1.5S", "P1DT2H", "-PT5M"))
			.allMatch((text) -> ISO_DURATION.matcher(text).matches());
		assertThat(List.of("PROXY", "P1", "p1", "P", "PT", "PHISHING_INTERSTITIAL", "PT24", "2026-12-05T10:00:00Z"))
			.noneMatch((text) -> ISO_DURATION.matcher(text).matches());
		assertThat(List.of("due_in", "effective_after", "window", "digest_minutes", "expires_in_days"))
			.allMatch((name) -> OTHER_UNIT.matcher(name).matches() || NO_UNIT.matcher(name).matches());
		assertThat(List.of("due_in_seconds", "next_after", "reports_next_after", "effective_at", "expires_at",
				"median_seconds", "window_seconds", "due_at"))
			.noneMatch((name) -> OTHER_UNIT.matcher(name).matches() || NO_UNIT.matcher(name).matches());
	}

	private static void collect(JsonNode node, String where, Set<String> constants, List<String> found) {
		if (node.isString() && constants.contains(node.asString())) {
			found.add(where + " = " + node.asString());
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collect(node.get(i), where + "[" + i + "]", constants, found);
			}
		}
		else if (node.isObject()) {
			for (String name : node.propertyNames()) {
				collect(node.get(name), where + "." + name, constants, found);
			}
		}
	}

}
