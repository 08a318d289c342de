package org.abusedesk.portal;

import org.abusedesk.WebForm;
import org.abusedesk.EdgeDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.abusedesk.WebForm.Part;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, the pages for the people outside: the phishing warning page in the visitor's
 * language with its own stylesheet, and the customer's page with their properties, the
 * reports as far as each reporter allowed, the mitigations with their exact targets and
 * reasons, and the review, appeal and counter-notice forms that work.
 */
class PublicPagesTests extends EdgeDeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	private HttpResponse<String> visit(String path, String acceptLanguage) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void thePhishingWarningSpeaksTheVisitorsLanguageAndOffersAWayBack() throws Exception {
		long id = activeInterstitial("/login.php");
		String site = "https://blog." + this.catalog.hostedZone() + "/login.php";

		HttpResponse<String> english = visit("/interstitial/" + id, null);
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("<html lang=\"en\"")
			.contains("Warning: this site was reported as phishing")
			.contains("The page you tried to open, <strong>" + site + "</strong>")
			.contains("id=\"leave\"")
			.contains("Leave this site")
			.contains("Do you own this site?")
			.contains("Quote reference " + id + ".")
			.contains("<link rel=\"stylesheet\" href=\"/interstitial/assets/warning.css\">")
			.doesNotContain("style=")
			.doesNotContain("<script");
		assertThat(english.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'none'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
		assertThat(english.headers().firstValue("Vary").orElse("")).contains("Accept-Language");

		assertThat(visit("/interstitial/" + id, "de-DE,de;q=0.9,en;q=0.5").body()).contains("<html lang=\"de\"")
			.contains("Warnung: diese Website wurde als Phishing gemeldet")
			.contains("Diese Website verlassen")
			.contains("Geben Sie die Referenz " + id + " an.");
		assertThat(visit("/interstitial/" + id, "fr-CA").body()).contains("<html lang=\"fr\"")
			.contains("Avertissement : ce site a été signalé pour hameçonnage")
			.contains("nous a été signalée comme une page d&#39;hameçonnage");
		assertThat(visit("/interstitial/" + id, "nl").body())
			.contains("Waarschuwing: deze website is gemeld als phishing");
		assertThat(visit("/interstitial/" + id, "es-419,es;q=0.8").body())
			.contains("Advertencia: este sitio ha sido denunciado por phishing");
		assertThat(visit("/interstitial/" + id, "ja-JP,ja;q=0.9").body()).contains("<html lang=\"en\"")
			.contains("Warning: this site was reported as phishing");
		assertThat(visit("/interstitial/" + id, "ja, nl;q=0.5").body()).contains("<html lang=\"nl\"");

		HttpResponse<String> css = visit("/interstitial/assets/warning.css", null);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
		assertThat(css.body()).contains(".warning-page");
	}

	@Test
	void theCustomerSeesPropertiesReportsAndMitigationsAndAppealsFromThePage() {
		String host = "blog." + this.catalog.hostedZone();
		String anonymous = this.catalog.report(host, "send", "send-anon");
		long caseId = fileAndAwaitCase("general", anonymous);
		actNow(caseId, new ProposedMitigation(MitigationType.CONTENT_DISABLE, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		long id = this.jdbc.sql("select id from mitigation where case_id = :case order by id limit 1")
			.param("case", caseId)
			.query(Long.class)
			.single();
		String target = this.jdbc.sql("select target from mitigation where id = :id")
			.param("id", id)
			.query(String.class)
			.single();

		WebForm browser = new WebForm(this.port);
		String token = this.customerTokens.issue("hosting-" + this.catalog.id(), "web").token();
		WebForm.Page signIn = browser.get("/customer/sign-in");
		assertThat(signIn.body()).contains("href=\"/css/customer.css\"");
		browser.post("/customer/sign-in", List.of(Part.field("token", token), Part.field("_csrf", signIn.csrf())));

		WebForm.Page home = browser.get("/customer");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).startsWith("default-src 'none'; style-src 'self'"));
		assertThat(home.body()).contains("<code>" + this.catalog.hostedZone() + "</code>")
			.contains("data-mitigation=\"" + id + "\"")
			.contains("<code class=\"target-code\">" + target + "</code>")
			.contains("Statement of reasons")
			.contains("Request a review")
			.contains("Appeal the decision")
			.contains("File a DMCA counter-notice")
			.contains("The reporter asked us not to share their identity.")
			.doesNotContain(this.catalog.reporter())
			.doesNotContain("style=");

		WebForm.Page missing = browser.post("/customer/mitigations/" + id + "/appeal",
				List.of(Part.field("reason", "removed"), Part.field("_csrf", home.csrf())));
		assertThat(missing.status()).isEqualTo(302);
		assertThat(browser.get("/customer").body()).contains("statement: Say why the decision is wrong.");

		WebForm.Page appealed = browser.post("/customer/mitigations/" + id + "/appeal",
				List.of(Part.field("reason", "removed"), Part.field("statement", "I deleted the page this morning."),
						Part.field("_csrf", home.csrf())));
		assertThat(appealed.status()).isEqualTo(302);
		assertThat(browser.get("/customer").body()).contains("of mitigation " + id + " is filed");
		assertThat(this.jdbc.sql("select count(*) from appeal where mitigation_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select status from mitigation where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("active");

		WebForm.Page counter = browser.post("/customer/mitigations/" + id + "/counter-notice",
				List.of(Part.field("signature", "Hanna Host"), Part.field("_csrf", home.csrf())));
		assertThat(counter.status()).isEqualTo(302);
		assertThat(browser.get("/customer").body()).contains("material: Identify the material that was removed.");
	}

}
