package org.abusedesk.problems;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.identity.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors in words for people and as problem details for programs (issue 17): the same
 * failure answers a browser, which asks for HTML, with a page, and an API client with RFC
 * 9457 JSON. Found by issue 17: a browser that followed a wrong link to a report type got
 * a JSON document.
 */
class ErrorPagesTests extends IntegrationTest {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	private StaffTokens tokens;

	@Test
	void aPersonFollowingAWrongLinkGetsAPageAndAProgramGetsAProblem() {
		Api api = new Api(this.port);

		Api.Response page = api.get("/report/no-such-type", null, BROWSER);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("<h1 id=\"error-title\">", "Page not found", "<a href=\"/report\">")
			.doesNotContain("Whitelabel");

		Api.Response problem = api.get("/report/no-such-type", null, "application/json");
		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.json().get("status").asInt()).isEqualTo(404);
	}

	@Test
	void theApiAnswersProblemsEvenToABrowser() {
		String admin = this.tokens.issue("errors-admin-" + System.nanoTime(), Role.ADMIN, "test", null);
		Api.Response unreadable = new Api(this.port).get("/api/v1/cases/not-a-number", admin, BROWSER);
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(unreadable.json().get("title").asString()).isEqualTo("Bad Request");
	}

}
