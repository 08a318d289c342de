package org.abusedesk.portal;

import org.abusedesk.WebForm;
import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.abusedesk.Api;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, "The customer's copy is the same statement in plain words in the notice email
 * and the customer view": a report comes in, a reviewer decides, the mitigation takes
 * effect; the words the customer receives in the email (GreenMail), in its API and on its
 * page say what the statement the Transparency Database receives says: the decision, the
 * ground, the category, the scope, the facts, that no automated means were used, the
 * dates, the redress, and its reference.
 */
class CustomerStatementOfReasonsTests extends EdgeDeskTest {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private CustomerTokens customerTokens;

	@Test
	void theCustomerReadsTheStatementOfReasonsInPlainWordsInTheEmailTheApiAndThePage() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAccept("phishing", phishing(host, "/phish/", "/login.php"));

		// proposed: the statement already, with the planned dates
		String proposed = body(awaitMessageTo(this.catalog.hoster(), "Action planned on your content from "));
		assertThat(proposed).contains("Statement of reasons (DSA Art. 17):",
				"- Ground: the content is incompatible with our terms of service.",
				"- Automated means: the content was not detected by automated means, and the decision was not "
						+ "automated: a person reviewed and decided it.",
				"- Your options: ask for a review in your customer area");

		// it takes effect: the statement the database receives, and the customer's copy
		assertThat(this.mitigations.activateDue(Instant.now().plus(Duration.ofHours(25)), 1000)).isGreaterThan(0);
		MimeMessage effective = awaitMessageTo(this.catalog.hoster(), "Action taken on your content (case " + caseId);
		String words = body(effective);
		List<JsonNode> submitted = statements(caseId, 2);
		JsonNode statement = submitted.get(0);
		assertThat(statement.get("incompatible_content_ground")).isNotNull();
		List<String> sentences = List.of(
				"What we decided: the content is disabled: nobody can reach it through our service. It concerns "
						+ "a web page or file at an address we serve.",
				"Ground: the content is incompatible with our terms of service. The term relied on: "
						+ statement.get("incompatible_content_ground").asString() + ". "
						+ statement.get("incompatible_content_explanation").asString(),
				"Category: scams and fraud (phishing).", "Where it applies: everywhere we provide the service.",
				"Facts: " + statement.get("decision_facts").asString(),
				"Automated means: the content was not detected by automated means, and the decision was not "
						+ "automated: a person reviewed and decided it.",
				"Dates: the content was first reported on " + day(statement.get("content_date"))
						+ "; the restriction applies from " + day(statement.get("application_date"))
						+ " until it is reviewed or lifted (no end date is set).",
				"Your options: ask for a review in your customer area (our internal complaint handling, DSA Art. "
						+ "20); a person who took no part in the decision reviews it and tells you the outcome. You may "
						+ "also turn to a certified out-of-court dispute settlement body (DSA Art. 21) or to a court.");
		assertThat(statement.get("category").asString()).isEqualTo("STATEMENT_CATEGORY_SCAMS_AND_FRAUD");
		assertThat(statement.get("automated_decision").asString()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
		assertThat(statement.get("automated_detection").asString()).isEqualTo("No");
		List<String> block = new ArrayList<>();
		block.add("Statement of reasons (DSA Art. 17):");
		sentences.forEach((sentence) -> block.add("- " + sentence));
		// the two pages' statements read alike: one block, both references
		block.add("- References: " + submitted.get(0).get("puid").asString() + ", "
				+ submitted.get(1).get("puid").asString()
				+ " (we submit these statements, without your name or any address, to the EU's DSA Transparency "
				+ "Database).");
		assertThat(words.replace("\r\n", "\n")).contains(String.join("\n", block))
			.doesNotContain("Rita")
			.doesNotContain(this.catalog.reporter());

		// the customer's API: the same sentences, each mitigation with its own reference
		String customer = customerToken("hosting-" + this.catalog.id());
		Api.Response view = this.api.get("/api/v1/customer/mitigations", customer);
		assertThat(view.status()).as(view.body()).isEqualTo(200);
		List<String> puids = new ArrayList<>();
		for (JsonNode item : view.json().get("items")) {
			JsonNode ofItem = item.get("statement_of_reasons");
			assertThat(ofItem.get("sentences").valueStream().map(JsonNode::asString).toList())
				.containsExactlyElementsOf(sentences);
			assertThat(ofItem.get("submitted").asBoolean()).isTrue();
			// the page's statements are read at once: each still goes with its own
			// mitigation
			assertThat(ofItem.get("puid").asString()).endsWith("-m" + item.get("id").asLong());
			puids.add(ofItem.get("puid").asString());
		}
		assertThat(puids).containsExactlyInAnyOrder(submitted.get(0).get("puid").asString(),
				submitted.get(1).get("puid").asString());

		// and the customer's page
		WebForm browser = new WebForm(this.port);
		String token = this.customerTokens.issue("hosting-" + this.catalog.id(), "web").token();
		browser.post("/customer/sign-in", List.of(WebForm.Part.field("token", token),
				WebForm.Part.field("_csrf", browser.get("/customer/sign-in").csrf())));
		String page = browser.get("/customer").body();
		assertThat(page).contains("Statement of reasons");
		sentences.forEach((sentence) -> assertThat(page).contains("<p>" + HtmlUtils.htmlEscape(sentence) + "</p>"));
		assertThat(page).contains("Reference: " + submitted.get(0).get("puid").asString());
	}

	@Test
	void aLegalBlockNamesTheLawAndTheCountriesItAppliesIn() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndAwaitCase("legal_order", legalOrder(host, "/banned.html"));
		actNow(caseId, new ProposedMitigation(MitigationType.LEGAL_BLOCK, EntityType.URL_PATTERN, List.of("DE"),
				Duration.ZERO, null, null));

		String words = body(awaitMessageTo(this.catalog.hoster(), "Action taken on your content (case " + caseId));
		JsonNode statement = statements(caseId, 1).get(0);
		assertThat(statement.get("illegal_content_legal_ground").asString()).isEqualTo("§ 1004 BGB");
		assertThat(words)
			.contains("- Ground: the content is illegal. The law relied on: § 1004 BGB. "
					+ statement.get("illegal_content_explanation").asString())
			.contains("- Category: not specified (a legal order).")
			.contains("- Where it applies: only in DE.")
			.contains("- Facts: " + statement.get("decision_facts").asString())
			.contains("- Reference: " + statement.get("puid").asString() + " (we submit this statement")
			.doesNotContain("Court Clerk")
			.doesNotContain("27 O 123/26");
	}

	/**
	 * The statements of the case's restrictions as the scan records them, oldest first.
	 */
	private List<JsonNode> statements(long caseId, int expected) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select count(*) from statement_of_reasons where case_id = :case and kind = 'restriction'")
				.param("case", caseId)
				.query(Integer.class)
				.single() == expected);
		return this.jdbc
			.sql("select statement::text from statement_of_reasons where case_id = :case and kind = 'restriction' "
					+ "order by mitigation_id")
			.param("case", caseId)
			.query((rs, n) -> this.json.readTree(rs.getString(1)))
			.list();
	}

	private static String day(JsonNode isoDate) {
		return DAY.format(LocalDate.parse(isoDate.asString()).atStartOfDay(ZoneOffset.UTC));
	}

}
