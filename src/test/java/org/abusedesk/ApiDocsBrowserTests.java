package org.abusedesk;

import java.util.List;

import org.abusedesk.access.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Swagger UI of the API (issue 17): staff only, from springdoc's WebJar, under a
 * content security policy without inline scripts, and it shows the OpenAPI document.
 */
class ApiDocsBrowserTests extends BrowserTest {

	@Test
	void withoutSigningInTheSwaggerUiSendsYouToSignIn() {
		for (String path : List.of("/console/api-docs", "/console/swagger-ui/index.html",
				"/console/swagger-ui/swagger-initializer.js")) {
			Api.Response answer = this.api.get(path, null);
			assertThat(answer.status()).as(path).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).as(path)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		}
		// a staff API token is not a console session
		assertThat(this.api.get("/console/swagger-ui/index.html", this.admin).status()).isEqualTo(302);
	}

	@Test
	void anAgentReadsTheApiInTheSwaggerUiUnderTheStrictPolicy() {
		String agent = newStaff("docs-agent", Role.AGENT);
		signIn(agent);
		browser().manage().logs().get(LogType.BROWSER);

		this.pages.open("/console/api-docs");
		WebElement report = this.pages.waitFor(By.cssSelector(".opblock-post [data-path='/api/v1/reports/{type}']"));
		assertThat(report.getText()).isEqualTo("/api/v1/reports/{type}");
		assertThat(this.pages.driver().findElement(By.cssSelector(".auth-wrapper .authorize")).isDisplayed()).isTrue();
		this.pages.screenshot("swagger-ui");

		List<String> refused = browser().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(refused).isEmpty();

		Api.Response index = new ConsoleSession(this.port).signIn(agent, ConsoleSession.PASSWORD)
			.get("/console/swagger-ui/index.html");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self';")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval"));
		assertThat(index.body()).doesNotContainPattern("<script(\\s[^>]*)?>\\s*[^<\\s]");
	}

}
