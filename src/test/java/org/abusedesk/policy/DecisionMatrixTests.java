package org.abusedesk.policy;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.abusedesk.Api;
import org.abusedesk.cases.Actor;
import org.abusedesk.cases.CasePlan;
import org.abusedesk.cases.CaseWork;
import org.abusedesk.catalog.Service;
import org.abusedesk.policy.DecisionMatrix.Cell;
import org.abusedesk.policy.DecisionMatrix.Expected;
import org.abusedesk.access.Role;
import org.abusedesk.intake.ReportType;
import org.abusedesk.intake.ReporterKind;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, "the matrix as data and as a test": every (service x report type x reporter
 * kind x at-risk account) cell of the default policy, end to end. One report per cell is
 * filed over HTTP (a batch per reporter kind, with a reporter token of that kind),
 * routed, decided, attached to its case, and its messages queued; then each cell is
 * checked against {@code decision-matrix.txt}, which says by hand what the cell must do:
 * the rule, the status and denial reason on the reporter's status page, who is sent what
 * (with the reporter's contact only where they chose so, and the words of the service
 * actually used), the mitigations with their exact targets, and the review (senior for an
 * authority's request against an at-risk account, with nothing sent or applied before
 * it). Plans a single reviewer may accept are then accepted, and the edge feed must carry
 * exactly the reported URLs. A failure names its cell.
 */
class DecisionMatrixTests extends EdgeDeskTest {

	private static final String MATRIX = "/policy/decision-matrix.txt";

	/** What was filed for a cell. */
	record Filed(Cell cell, long reportId, String trackingCode, String statusSecret, List<String> urls) {
	}

	/** A message queued for a report. */
	record Queued(String kind, String recipient, String subject, String body) {
	}

	/** What a cell did, read once all cells were decided (and again after review). */
	record Observed(JsonNode status, List<String> rules, Long caseId, String caseStatus, CasePlan plan,
			List<Queued> queued, List<JsonNode> edgeBeforeReview, String acceptOutcome,
			List<JsonNode> edgeAfterReview) {
	}

	private final DecisionMatrix matrix = DecisionMatrix.read(MATRIX);

	@TestFactory
	Stream<DynamicNode> everyCellOfTheDefaultPolicyKeepsItsPromise() {
		importMatrixCatalog();
		List<Cell> cells = cells();
		long cursor = changeCursor();
		Map<Cell, Filed> filed = fileAll(cells);
		awaitDecided(filed.values());

		Map<Cell, Observed> observed = new LinkedHashMap<>();
		Map<Long, List<JsonNode>> edge = feedByCase(cursor);
		for (Filed each : filed.values()) {
			observed.put(each.cell(), observe(each, edge));
		}
		// a single reviewer accepts what one reviewer may accept; the edge then carries
		// it
		long reviewCursor = changeCursor();
		Map<Cell, String> outcomes = new HashMap<>();
		for (Filed each : filed.values()) {
			Expected expected = this.matrix.expected(each.cell());
			Observed seen = observed.get(each.cell());
			if (expected.review().equals("one") && !expected.mitigations().isEmpty() && seen.caseId() != null) {
				outcomes.put(each.cell(), accept(seen.caseId()));
			}
		}
		Map<Long, List<JsonNode>> reviewed = feedByCase(reviewCursor);
		observed.replaceAll((cell, seen) -> new Observed(seen.status(), seen.rules(), seen.caseId(), seen.caseStatus(),
				seen.plan(), seen.queued(), seen.edgeBeforeReview(), outcomes.get(cell),
				(seen.caseId() != null) ? reviewed.getOrDefault(seen.caseId(), List.of()) : List.of()));

		return filed.values().stream().flatMap((each) -> tests(each, observed.get(each.cell())));
	}

	/** The cell's test, and one per aspect of it known to fail. */
	private Stream<DynamicNode> tests(Filed filed, Observed observed) {
		Cell cell = filed.cell();
		Expected expected = this.matrix.expected(cell);
		Map<String, Consumer<SoftAssertions>> aspects = aspects(filed, expected, observed);
		List<DynamicNode> tests = new ArrayList<>();
		tests.add(DynamicTest.dynamicTest(cell.name() + " (matrix line " + expected.line() + ")", () -> {
			SoftAssertions softly = new SoftAssertions();
			aspects.forEach((aspect, check) -> {
				if (this.matrix.knownFailure(cell, aspect).isEmpty()) {
					check.accept(softly);
				}
			});
			try {
				softly.assertAll();
			}
			catch (AssertionError ex) {
				throw new AssertionError(
						"Cell " + cell.name() + " (" + MATRIX + " line " + expected.line() + "): " + ex.getMessage(),
						ex);
			}
		}));
		aspects.forEach((aspect, check) -> this.matrix.knownFailure(cell, aspect)
			.ifPresent(
					(why) -> tests.add(DynamicTest.dynamicTest(cell.name() + " [known failure: " + aspect + "]", () -> {
						SoftAssertions softly = new SoftAssertions();
						check.accept(softly);
						Assumptions.assumeTrue(softly.wasSuccess(), why);
						throw new AssertionError("Known failure '" + aspect + "' of " + cell.name()
								+ " passes now: remove its 'known' line from " + MATRIX);
					}))));
		return tests.stream();
	}

	/** The checks of one cell, by aspect. */
	private Map<String, Consumer<SoftAssertions>> aspects(Filed filed, Expected expected, Observed seen) {
		Cell cell = filed.cell();
		Map<String, Consumer<SoftAssertions>> aspects = new LinkedHashMap<>();
		aspects.put("rule",
				(softly) -> softly.assertThat(seen.rules())
					.as("rules, one per service")
					.containsExactlyInAnyOrder(expected.rule().split("\\+")));
		aspects.put("status", (softly) -> {
			softly.assertThat(seen.status().get("status").asString())
				.as("status on the reporter's status page")
				.isEqualTo(expected.denied() ? "denied" : "accepted");
			softly
				.assertThat((seen.status().path("denial_reason").isNull()
						|| seen.status().path("denial_reason").isMissingNode()) ? null
								: seen.status().path("denial_reason").asString())
				.as("denial reason on the reporter's status page")
				.isEqualTo(expected.denialReason());
		});
		aspects.put("review", (softly) -> {
			if (expected.denied()) {
				softly.assertThat(seen.caseId()).as("a denied report joins no case").isNull();
				return;
			}
			softly.assertThat(seen.caseStatus())
				.as("case status")
				.isEqualTo(!expected.review().equals("none") ? "triage"
						: expected.mitigations().isEmpty() ? "forwarded" : "actioned");
			softly.assertThat(seen.plan().review().wire())
				.as("review the case's plan asks for")
				.isEqualTo(expected.review());
		});
		aspects.put("messages", (softly) -> {
			Set<String> expectedRecipients = new LinkedHashSet<>(expected.messages());
			expectedRecipients.remove("ncmec");
			softly.assertThat(recipients(seen.queued(), cell, false))
				.as("who is sent a message")
				.containsExactlyInAnyOrderElementsOf(expectedRecipients);
			List<String> subjects = seen.status()
				.get("messages")
				.valueStream()
				.map((m) -> m.get("subject").asString())
				.toList();
			if (expected.messages().contains("reporter")) {
				softly.assertThat(subjects)
					.as("messages on the reporter's status page")
					.containsExactly((expected.denied() ? "Decision on your report " : "Your report ")
							+ filed.trackingCode() + (expected.denied() ? "" : " about " + host(cell)));
			}
			else {
				softly.assertThat(subjects).as("messages on the reporter's status page").isEmpty();
			}
		});
		if (expected.messages().contains("ncmec")) {
			aspects.put("ncmec",
					(softly) -> softly.assertThat(recipients(seen.queued(), cell, true))
						.as("NCMEC referral queued")
						.contains("ncmec"));
		}
		aspects.put("anonymity", (softly) -> anonymity(softly, filed, seen));
		aspects.put("wording", (softly) -> wording(softly, filed, expected, seen));
		aspects.put("mitigations", (softly) -> {
			if (expected.review().equals("none")) {
				edgeCarries(softly, "applied at once", seen.edgeBeforeReview(), expected, filed);
				return;
			}
			softly.assertThat(seen.edgeBeforeReview()).as("nothing applied before review").isEmpty();
			if (!expected.denied()) {
				softly.assertThat(seen.plan().mitigations())
					.extracting((m) -> m.type().wire() + "/" + m.entityType().wire() + "/" + m.territorialScope() + "/"
							+ !m.effectiveAfter().isZero())
					.as("mitigations proposed for review")
					.containsExactlyInAnyOrderElementsOf(expected.mitigations()
						.stream()
						.map((m) -> m.type() + "/url_pattern/" + m.scope() + "/" + m.delayed())
						.toList());
			}
		});
		if (expected.review().equals("one") && !expected.mitigations().isEmpty()) {
			aspects.put("after review", (softly) -> {
				softly.assertThat(seen.acceptOutcome()).as("a reviewer accepts the plan").isEqualTo("actioned");
				edgeCarries(softly, "applied after review", seen.edgeAfterReview(), expected, filed);
			});
		}
		return aspects;
	}

	/** The edge feed holds exactly the expected mitigations, one per reported URL. */
	private static void edgeCarries(SoftAssertions softly, String when, List<JsonNode> edge, Expected expected,
			Filed filed) {
		List<String> want = new ArrayList<>();
		for (DecisionMatrix.Mitigation m : expected.mitigations()) {
			for (String target : targets(filed)) {
				want.add(m.type() + " url_pattern " + target + " " + m.scope() + " "
						+ (m.delayed() ? "pending" : "active"));
			}
		}
		softly.assertThat(edge)
			.extracting((m) -> m.get("type").asString() + " " + m.get("entity_type").asString() + " "
					+ m.get("target").asString() + " "
					+ m.get("territorial_scope").valueStream().map(JsonNode::asString).toList() + " "
					+ m.get("status").asString())
			.as("mitigations on the edge feed, " + when)
			.containsExactlyInAnyOrderElementsOf(want);
	}

	/** The reporter's contact goes only where they chose {@code send}. */
	private void anonymity(SoftAssertions softly, Filed filed, Observed seen) {
		String email = reporterEmail(filed.cell().kind());
		boolean ownerSend = ownerSends(filed.cell().type());
		for (Queued message : seen.queued()) {
			switch (message.kind()) {
				case "forward_to_host" -> softly.assertThat(message.body())
					.as("host message carries the reporter's contact (send)")
					.contains("Reported by: ")
					.contains(email);
				case "notify_owner" -> {
					if (ownerSend) {
						softly.assertThat(message.body()).as("owner message (send)").contains(email);
					}
					else {
						softly.assertThat(message.body())
							.as("owner message (send-anon)")
							.doesNotContain(email)
							.doesNotContain("Reported by:")
							.contains("The reporter asked us not to share their identity or contact details with you.");
					}
				}
				default -> {
				}
			}
			if (!message.kind().equals("forward_to_host")) {
				softly.assertThat(message.body())
					.as(message.kind() + " never names the origin address")
					.doesNotContain("203.0.113.");
			}
		}
	}

	/** The words of the service used, and no claim of a message that was not sent. */
	private void wording(SoftAssertions softly, Filed filed, Expected expected, Observed seen) {
		Cell cell = filed.cell();
		boolean toHost = seen.queued().stream().anyMatch((m) -> m.kind().equals("forward_to_host"));
		boolean toOwner = seen.queued().stream().anyMatch((m) -> m.kind().equals("notify_owner"));
		for (Queued message : seen.queued()) {
			String recipient = switch (message.kind()) {
				case "forward_to_host" -> "host";
				case "notify_owner" -> "owner";
				case "notify_reporter" -> "reporter";
				default -> message.kind();
			};
			String body = message.body();
			if (!List.of(cell.service().split("\\+")).contains("proxy")) {
				softly.assertThat(body).as(recipient + " is not told we are a proxy").doesNotContain("pass-through");
			}
			if (expected.denied()) {
				softly.assertThat(body)
					.as("the reporter is told the denial and its reason")
					.contains("we will not act on it")
					.contains("Reason (" + expected.denialReason() + ")")
					.contains("six months");
				continue;
			}
			this.matrix.words(cell.service(), recipient)
				.forEach((words) -> softly.assertThat(body)
					.as(recipient + "'s words for " + cell.service())
					.contains(words));
			if (recipient.equals("owner") && !toHost) {
				softly.assertThat(body)
					.as("owner not told of a forward that did not happen")
					.doesNotContain("forwarded to your hosting provider");
			}
			if (recipient.equals("reporter")) {
				if (toHost) {
					softly.assertThat(body)
						.as("reporter told of the forward to the host")
						.contains("We forwarded your report to them with your contact details.");
				}
				else {
					softly.assertThat(body)
						.as("reporter not told of a forward that did not happen")
						.doesNotContain("The content is hosted by")
						.doesNotContain("forwarded your report to them");
				}
				if (toOwner) {
					softly.assertThat(body)
						.as("reporter told of the owner's notice")
						.contains("forwarded it to the site's owner " + (ownerSends(cell.type()) ? "with" : "without")
								+ " your contact details.");
				}
				else {
					softly.assertThat(body)
						.as("reporter not told of a notice that did not happen")
						.doesNotContain("site's owner with")
						.doesNotContain("site's owner without");
				}
			}
		}
	}

	/** Who was sent something: host, owner, reporter (and ncmec if asked). */
	private List<String> recipients(List<Queued> queued, Cell cell, boolean referrals) {
		List<String> recipients = new ArrayList<>();
		for (Queued message : queued) {
			switch (message.kind()) {
				case "forward_to_host" -> recipients.add(message.recipient().equals(this.catalog.originHost()) ? "host"
						: "host <" + message.recipient() + ">");
				case "notify_owner" -> recipients
					.add(message.recipient().equals(ownerOf(cell)) ? "owner" : "owner <" + message.recipient() + ">");
				case "notify_reporter" -> recipients.add(message.recipient().equals(reporterEmail(cell.kind()))
						? "reporter" : "reporter <" + message.recipient() + ">");
				case "ncmec_referral" -> {
					if (referrals) {
						recipients.add("ncmec");
					}
				}
				default -> recipients.add(message.kind() + " <" + message.recipient() + ">");
			}
		}
		return recipients;
	}

	// --- filing

	private List<Cell> cells() {
		List<Cell> cells = new ArrayList<>();
		for (ReporterKind kind : ReporterKind.values()) {
			for (String service : services()) {
				for (ReportType type : ReportType.values()) {
					for (boolean atRisk : List.of(false, true)) {
						cells.add(new Cell(service, type.wire(), kind.wire(), atRisk));
					}
				}
			}
		}
		return cells;
	}

	/**
	 * Every service, and a property that uses two (registrar and DNS), which must get one
	 * coherent outcome.
	 */
	private static List<String> services() {
		List<String> services = new ArrayList<>(Arrays.stream(Service.values()).map(Service::wire).toList());
		services.add("registrar+dns");
		return services;
	}

	/** A batch per reporter kind, with a reporter token of that kind. */
	private Map<Cell, Filed> fileAll(List<Cell> cells) {
		Map<Cell, Filed> filed = new LinkedHashMap<>();
		for (ReporterKind kind : ReporterKind.values()) {
			List<Cell> ofKind = cells.stream().filter((cell) -> cell.kind().equals(kind.wire())).toList();
			String token = reporterToken(kind);
			StringBuilder batch = new StringBuilder("{\"reports\": [");
			for (int i = 0; i < ofKind.size(); i++) {
				Cell cell = ofKind.get(i);
				batch.append((i > 0) ? "," : "")
					.append("{\"type\": \"")
					.append(cell.type())
					.append("\", \"report\": ")
					.append(body(cell))
					.append("}");
			}
			batch.append("]}");
			Api.Response response = this.api.post("/api/v1/reports:batch", batch.toString(), token);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode results = response.json().get("results");
			for (int i = 0; i < ofKind.size(); i++) {
				JsonNode result = results.get(i);
				Cell cell = ofKind.get(i);
				assertThat(result.get("status").asString()).as(cell.name() + ": " + result).isEqualTo("submitted");
				filed.put(cell, new Filed(cell, result.get("id").asLong(), result.get("tracking_code").asString(),
						result.get("status_secret").asString(), urls(cell)));
			}
		}
		return filed;
	}

	private void awaitDecided(java.util.Collection<Filed> filed) {
		Long[] ids = filed.stream().map(Filed::reportId).toArray(Long[]::new);
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.jdbc
				.sql("select count(*) from report where id = any(cast(:ids as bigint[])) and status = 'submitted'")
				.param("ids", ids)
				.query(Integer.class)
				.single() == 0);
	}

	private Observed observe(Filed filed, Map<Long, List<JsonNode>> edge) {
		Api.Response status = this.api
			.get("/api/v1/reports/status/" + filed.trackingCode() + "?secret=" + filed.statusSecret(), null);
		assertThat(status.status()).as(status.body()).isEqualTo(200);
		List<String> rules = this.jdbc.sql("select rule from decision where report_id = :id order by id")
			.param("id", filed.reportId())
			.query(String.class)
			.list();
		Long caseId = this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", filed.reportId())
			.query(Long.class)
			.optional()
			.orElse(null);
		String caseStatus = (caseId != null) ? caseStatus(caseId) : null;
		CasePlan plan = (caseId != null)
				? this.work.view(caseId, new Actor("matrix-viewer-" + this.catalog.id(), Role.REVIEWER))
					.orElseThrow()
					.plan()
				: null;
		List<Queued> queued = this.jdbc
			.sql("select kind, recipient, subject, body from outbox_message where report_id = :id order by id")
			.param("id", filed.reportId())
			.query((rs, n) -> new Queued(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body")))
			.list();
		return new Observed(status.json(), rules, caseId, caseStatus, plan, queued,
				(caseId != null) ? edge.getOrDefault(caseId, List.of()) : List.of(), null, List.of());
	}

	private String accept(long caseId) {
		try {
			CaseWork.Outcome outcome = this.work.accept(caseId, reviewer("matrix-reviewer"));
			return outcome.status().wire();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	/** The edge feed after {@code cursor}, the latest entry per mitigation, by case. */
	private Map<Long, List<JsonNode>> feedByCase(long cursor) {
		Map<Long, JsonNode> latest = new LinkedHashMap<>();
		edgeFeed(cursor).forEach((m) -> latest.put(m.get("id").asLong(), m));
		Map<Long, List<JsonNode>> byCase = new HashMap<>();
		latest.values()
			.forEach((m) -> byCase.computeIfAbsent(m.get("case_id").asLong(), (k) -> new ArrayList<>()).add(m));
		return byCase;
	}

	// --- the catalog and the reports of the matrix

	/**
	 * An account per cell (service, reporter kind, report type, at risk or not), each
	 * with a zone of its own: a case is per property and report type, and the desk's
	 * flood defences (a forwarding budget per account, campaigns against one account,
	 * CampaignTests) must not see the matrix's 840 reports as a campaign against a few
	 * customers. The owners of one service and risk share an abuse contact.
	 */
	private void importMatrixCatalog() {
		List<String> accounts = new ArrayList<>();
		for (String service : services()) {
			for (boolean atRisk : List.of(false, true)) {
				for (ReporterKind kind : ReporterKind.values()) {
					for (ReportType type : ReportType.values()) {
						String origin = service.equals("proxy") ? """
								, "origin": {"address": "203.0.113.77", "host_name": "Origin Hosting %s",
								             "host_abuse_contact": "%s"}""".formatted(this.catalog.id(),
								this.catalog.originHost()) : "";
						String property = "{\"zone\": \"%s\", \"services\": [\"%s\"]%s}".formatted(
								zone(service, kind.wire(), type.wire(), atRisk), service.replace("+", "\", \""),
								origin);
						accounts.add("""
								{"ref": "%s", "name": "Matrix %s customer", "abuse_contact": "%s", "at_risk": %s,
								 "status": "active", "properties": [%s]}""".formatted(
								accountRef(service, kind.wire(), type.wire(), atRisk), service,
								ownerOf(service, atRisk), atRisk, property));
					}
				}
			}
		}
		Api.Response imported = this.api.put("/api/v1/catalog", "{\"accounts\": [" + String.join(",", accounts) + "]}",
				this.admin);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	private String reporterToken(ReporterKind kind) {
		Api.Response issued = this.api.post("/api/v1/reporter-tokens", """
				{"label": "matrix %1$s", "reporter_kind": "%1$s", "name": "Matrix %1$s", "email": "%2$s"}"""
			.formatted(kind.wire(), reporterEmail(kind.wire())), this.admin);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}

	private String zone(String service, String kind, String type, boolean atRisk) {
		return service.replace('+', '-') + "-" + kind.replace('_', '-') + "-" + type.replace('_', '-')
				+ (atRisk ? "-risk-" : "-") + this.catalog.id() + ".example";
	}

	private String host(Cell cell) {
		return "www." + zone(cell.service(), cell.kind(), cell.type(), cell.atRisk());
	}

	private List<String> urls(Cell cell) {
		return List.of("https://" + host(cell) + "/content/login.php", "https://" + host(cell) + "/content/kit/");
	}

	/**
	 * The targets the reported URLs must give: the page exactly, the directory as a
	 * prefix.
	 */
	private static List<String> targets(Filed filed) {
		return List.of(filed.urls().get(0), filed.urls().get(1) + "*");
	}

	private String accountRef(String service, String kind, String type, boolean atRisk) {
		return "matrix-" + service.replace('+', '-') + "-" + kind + "-" + type + (atRisk ? "-risk-" : "-")
				+ this.catalog.id();
	}

	private String ownerOf(String service, boolean atRisk) {
		return service.replace('+', '-') + (atRisk ? "-risk-" : "-") + "owner-" + this.catalog.id()
				+ "@customer.example";
	}

	private String ownerOf(Cell cell) {
		return ownerOf(cell.service(), cell.atRisk());
	}

	private String reporterEmail(String kind) {
		return kind.replace('_', '-') + "-" + this.catalog.id() + "@reporter.example";
	}

	/**
	 * dmca and trademark reports cannot be anonymous; the others keep the owner from the
	 * reporter.
	 */
	private static boolean ownerSends(String type) {
		return type.equals("dmca") || type.equals("trademark");
	}

	/** The report of a cell (without reporter: the token's holder is the reporter). */
	private String body(Cell cell) {
		String urls = "\"urls\": [\"" + String.join("\", \"", urls(cell)) + "\"]";
		String notify = ownerSends(cell.type()) ? "{\"host\": \"send\", \"owner\": \"send\"}"
				: cell.type().equals("children")
						? "{\"host\": \"send\", \"owner\": \"send-anon\", \"ncmec\": \"send-anon\"}"
						: "{\"host\": \"send\", \"owner\": \"send-anon\"}";
		String fields = switch (cell.type()) {
			case "dmca" -> """
					"work": "Photograph Harbour at dawn (2021)", "rights_holder_name": "Pat Photographer",
					"rights_holder_address": "1 Main St, Springfield", "accuracy_statement": true,
					"signature": "Pat Photographer",""";
			case "trademark" -> "\"mark\": \"EXAMPLAR\", \"registration_number\": \"1234567\", \"office\": \"EUIPO\",";
			case "phishing" -> "\"targeted_brand\": \"Example Bank\",";
			case "ncsei" -> "\"reporter_is_depicted\": false,";
			case "threat" -> "\"imminent\": true,";
			case "privacy" -> "\"exposed_data\": \"home address and phone number\",";
			case "legal_order" -> """
					"issuing_authority": "Landgericht Berlin", "jurisdiction": "DE", "legal_basis": "§ 1004 BGB",
					"order_reference": "27 O 123/26", "territorial_scope": ["DE"],
					"document": {"filename": "order.pdf", "content_type": "application/pdf",
					             "data_base64": "JVBERi0xLjcKMSAwIG9iaiA8PCA+PiBlbmRvYmoKJSVFT0YK"},""";
			case "registrar_whois" ->
				"\"request_type\": \"disclosure\", \"legal_basis\": \"Art. 6(1)(f) GDPR: enforcing a trademark\",";
			default -> "";
		};
		return "{" + urls + ", \"justification\": \"Matrix cell " + cell.name() + ".\", " + fields + " \"notify\": "
				+ notify + ", \"good_faith\": true}";
	}

}
