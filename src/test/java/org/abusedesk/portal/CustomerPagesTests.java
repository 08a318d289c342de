package org.abusedesk.portal;

import org.abusedesk.mitigations.MitigationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.abusedesk.DeskTest;
import org.abusedesk.mitigations.Mitigations.Mitigation;
import org.abusedesk.mitigations.Mitigations.NewMitigation;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.abusedesk.identity.CustomerTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's web pages: sign in with the token, see, contest; CSRF everywhere. */
class CustomerPagesTests extends DeskTest {

	@Autowired
	private CustomerTokens customerTokens;

	@Test
	void aCustomerSignsInWithItsTokenAndRequestsAReviewOfItsOwnMitigation() {
		long caseId = caseOfGeneralReport("blog." + this.catalog.hostedZone(), "send-anon");
		Mitigation active = this.mitigations.create(new NewMitigation(caseId, "content_disable", "url_pattern",
				List.of(), Instant.now(), null, null, "staff:test", Map.of(),
				"https://blog." + this.catalog.hostedZone() + "/login.php", "Fake bank login."));

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
		String token = this.customerTokens.issue("hosting-" + this.catalog.id(), "web").token();
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
			.doesNotContain(this.catalog.reporter());

		assertThat(browser
			.post("/customer/mitigations/" + active.id() + "/review", List.of(Part.field("reason", "removed")))
			.status()).as("no CSRF token").isEqualTo(403);
		WebForm.Page reviewed = browser.post("/customer/mitigations/" + active.id() + "/review",
				List.of(Part.field("reason", "removed"), Part.field("comment", "Deleted it."),
						Part.field("_csrf", home.csrf())));
		assertThat(reviewed.status()).isEqualTo(302);
		assertThat(this.mitigations.ofCase(caseId)).extracting(Mitigation::status)
			.containsExactly(MitigationStatus.ACTIVE);

		WebForm other = new WebForm(this.port);
		String otherToken = this.customerTokens.issue("proxy-" + this.catalog.id(), "web").token();
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
