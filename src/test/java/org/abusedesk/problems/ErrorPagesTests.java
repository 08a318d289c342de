package org.abusedesk.problems;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors in words for people and as problem details for programs (issue 17): the same
 * failure answers a browser, which asks for HTML, with a page, and an API client with RFC
 * 9457 JSON. Found by issue 17: a browser that followed a wrong link to a report type got
 * a JSON document. Found by issue 17: a server error answered an API client with Boot's
 * own JSON instead of problem details.
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

	@Test
	void aServerErrorIsAProblemForTheApiAndAPageForAPerson() {
		Api api = new Api(this.port);

		Api.Response problem = api.get(Failing.API, null, "application/json");
		assertThat(problem.status()).isEqualTo(500);
		assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.json().get("status").asInt()).isEqualTo(500);
		assertThat(problem.json().get("title").asString()).isEqualTo("Internal Server Error");
		assertThat(problem.json().get("instance").asString()).isEqualTo(Failing.API);
		assertThat(problem.body()).doesNotContain(Failing.SECRET).doesNotContain("trace");

		// the API answers problems even to a browser
		Api.Response apiToBrowser = api.get(Failing.API, null, BROWSER);
		assertThat(apiToBrowser.status()).isEqualTo(500);
		assertThat(apiToBrowser.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		Api.Response page = api.get(Failing.PAGE, null, BROWSER);
		assertThat(page.status()).isEqualTo(500);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("<h1 id=\"error-title\">")
			.doesNotContain(Failing.SECRET)
			.doesNotContain("Whitelabel");
	}

	/** Two endpoints that fail as a bug would, open to anyone, for this test only. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingEndpoints {

		@Bean
		@Order(0)
		SecurityFilterChain failingEndpoints(HttpSecurity http) throws Exception {
			http.securityMatcher(Failing.API, Failing.PAGE)
				.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll());
			return http.build();
		}

		@Bean
		Failing failing() {
			return new Failing();
		}

	}

	@RestController
	static class Failing {

		static final String API = "/api/v1/test-failure";

		static final String PAGE = "/test-failure";

		static final String SECRET = "a detail only the log may hold";

		@GetMapping({ API, PAGE })
		String fail() {
			throw new IllegalStateException(SECRET);
		}

	}

}
