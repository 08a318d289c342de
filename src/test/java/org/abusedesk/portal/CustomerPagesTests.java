package org.abusedesk.portal;

import org.abusedesk.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.mitigations.Mitigations;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The customer's web pages: sign in with the token, see, contest; CSRF everywhere. */
class CustomerPagesTests extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private StaffTokens staffTokens;

	@Autowired
	private CustomerTokens customerTokens;

	@Autowired
	private Mitigations mitigations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aCustomerSignsInWithItsTokenAndRequestsAReviewOfItsOwnMitigation() {
		TestCatalog catalog = TestCatalog.unique();
		Api api = new Api(this.port);
		String admin = this.staffTokens.issue("admin-" + catalog.id(), Role.ADMIN, "test", null);
		assertThat(api.put("/api/v1/catalog", catalog.document(), admin).status()).isEqualTo(200);
		long reportId = api
			.post("/api/v1/reports/general", catalog.report("blog." + catalog.hostedZone(), "send", "send-anon"), null)
			.json()
			.get("id")
			.asLong();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from case_report where report_id = :id")
				.param("id", reportId)
				.query(Integer.class)
				.single() == 1);
		long caseId = this.jdbc.sql("select case_id from case_report where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
		Mitigation active = this.mitigations
			.create(new NewMitigation(caseId, "content_disable", "url_pattern", List.of(), Instant.now(), null, null,
					"staff:test", Map.of(), "https://blog." + catalog.hostedZone() + "/login.php", "Fake bank login."));

		WebForm browser = new WebForm(this.port);
		WebForm.Page anonymous = browser.get("/customer");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/customer/sign-in"));

		WebForm.Page form = browser.get("/customer/sign-in");
		assertThat(form.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).startsWith("default-src 'none'"));
		assertThat(browser
			.post("/customer/sign-in", List.of(Part.field("token", "adk_wrong"), Part.field("_csrf", form.csrf())))
			.status()).isEqualTo(401);
		String token = this.customerTokens.issue("hosting-" + catalog.id(), "web").token();
		assertThat(browser.post("/customer/sign-in", List.of(Part.field("token", token))).status()).as("no CSRF token")
			.isEqualTo(403);
		WebForm.Page signedIn = browser.post("/customer/sign-in",
				List.of(Part.field("token", token), Part.field("_csrf", browser.get("/customer/sign-in").csrf())));
		assertThat(signedIn.status()).isEqualTo(302);

		WebForm.Page home = browser.get("/customer");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Fake bank login.")
			.contains("Request a review")
			.contains("The reporter asked us not to share their identity.")
			.doesNotContain(catalog.reporter());

		assertThat(browser
			.post("/customer/mitigations/" + active.id() + "/review", List.of(Part.field("reason", "removed")))
			.status()).as("no CSRF token").isEqualTo(403);
		WebForm.Page reviewed = browser.post("/customer/mitigations/" + active.id() + "/review",
				List.of(Part.field("reason", "removed"), Part.field("comment", "Deleted it."),
						Part.field("_csrf", home.csrf())));
		assertThat(reviewed.status()).isEqualTo(302);
		assertThat(this.mitigations.ofCase(caseId)).extracting(Mitigation::status).containsExactly("active");

		WebForm other = new WebForm(this.port);
		String otherToken = this.customerTokens.issue("proxy-" + catalog.id(), "web").token();
		other.post("/customer/sign-in",
				List.of(Part.field("token", otherToken), Part.field("_csrf", other.get("/customer/sign-in").csrf())));
		WebForm.Page otherHome = other.get("/customer");
		assertThat(otherHome.status()).isEqualTo(200);
		assertThat(otherHome.body()).doesNotContain("Fake bank login.");
		assertThat(other
			.post("/customer/mitigations/" + active.id() + "/review",
					List.of(Part.field("reason", "removed"), Part.field("_csrf", otherHome.csrf())))
			.status()).isEqualTo(404);
	}

}
