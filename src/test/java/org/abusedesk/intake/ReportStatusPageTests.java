package org.abusedesk.intake;

import org.abusedesk.DeskTest;
import org.abusedesk.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "the reporter's status link answers raw JSON (and 406 to a browser)": the
 * link in the receipt opens a page in words for a person, and API clients keep the JSON.
 */
class ReportStatusPageTests extends DeskTest {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void theStatusLinkOpensAPageInWordsInABrowserAndJsonForApiClients() {
		JsonNode receipt = file("phishing", this.catalog.report("www." + this.catalog.proxiedZone(), "send", "send"));
		String link = "/api/v1/reports/status/" + receipt.get("tracking_code").asString() + "?secret="
				+ receipt.get("status_secret").asString();

		Api.Response page = this.api.get(link, null, BROWSER);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains(receipt.get("tracking_code").asString())
			.contains("What we told you")
			.containsPattern("We (received|accepted) your phishing report");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("style-src 'self'")
			.startsWith("default-src 'none'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

		for (String client : new String[] { "application/json", "*/*" }) {
			Api.Response json = this.api.get(link, null, client);
			assertThat(json.status()).as(client).isEqualTo(200);
			assertThat(json.json().get("tracking_code").asString()).isEqualTo(receipt.get("tracking_code").asString());
		}
		assertThat(this.api.get(link, null).json().get("status").isString()).isTrue();

		Api.Response wrong = this.api.get(link.replaceAll("secret=.*", "secret=wrong"), null, BROWSER);
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.body()).contains("We have no report with that tracking code and secret")
			.doesNotContain(receipt.get("tracking_code").asString());
	}

	@Test
	void aDeniedReportSaysWhyInWordsAndHowToContestIt() {
		JsonNode receipt = file("registrar_whois", """
				{"reporter": {"name": "Rita Reporter", "email": "%s", "kind": "individual"},
				 "urls": ["https://www.%s/"], "justification": "Who owns this domain?",
				 "notify": {"host": "send", "owner": "send"}, "good_faith": true,
				 "request_type": "disclosure", "legal_basis": "Art. 6(1)(f) GDPR: a legal claim"}"""
			.formatted(this.catalog.reporter(), this.catalog.proxiedZone()));
		String link = "/api/v1/reports/status/" + receipt.get("tracking_code").asString() + "?secret="
				+ receipt.get("status_secret").asString();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> "denied".equals(this.api.get(link, null).json().get("status").asString()));

		Api.Response page = this.api.get(link, null, BROWSER);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("We cannot act on your registrar whois report.")
			.contains("The report was filed under a category that does not fit.")
			.contains("If you disagree")
			.contains("out-of-court dispute settlement body");
	}

	private JsonNode file(String type, String body) {
		Api.Response created = this.api.post("/api/v1/reports/" + type, body, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

}
