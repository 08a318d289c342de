package org.abusedesk.portal;

import java.util.List;
import java.util.UUID;

import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.abusedesk.WebForm;
import org.abusedesk.WebForm.Part;
import org.abusedesk.identity.CustomerTokens;
import org.abusedesk.identity.CustomerTokens.IssuedToken;
import org.abusedesk.access.Role;
import org.abusedesk.identity.StaffTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 8: revoking a customer token ends the web sessions signed in with it.
 */
class CustomerSessionRevocationTests extends IntegrationTest {

	@Autowired
	private StaffTokens staffTokens;

	@Autowired
	private CustomerTokens customerTokens;

	@Test
	void aRevokedCustomerTokensWebSessionKeepsWorking() {
		String account = "hosting-" + UUID.randomUUID();
		IssuedToken revoked = this.customerTokens.issue(account, "web");
		IssuedToken kept = this.customerTokens.issue(account, "web too");
		WebForm browser = signedIn(revoked.token());
		WebForm other = signedIn(kept.token());
		assertThat(browser.get("/customer").status()).isEqualTo(200);

		String admin = this.staffTokens.issue("admin-" + UUID.randomUUID(), Role.ADMIN, "test", null);
		assertThat(new Api(this.port).delete("/api/v1/customer-tokens/" + revoked.id(), admin).status()).isEqualTo(204);

		WebForm.Page after = browser.get("/customer");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/customer/sign-in"));
		// signed out for good, not only for one request
		assertThat(browser.get("/customer").status()).isEqualTo(302);
		// a session of another token of the same account goes on
		assertThat(other.get("/customer").status()).isEqualTo(200);
	}

	private WebForm signedIn(String token) {
		WebForm browser = new WebForm(this.port);
		WebForm.Page page = browser.post("/customer/sign-in",
				List.of(Part.field("token", token), Part.field("_csrf", browser.get("/customer/sign-in").csrf())));
		assertThat(page.status()).isEqualTo(302);
		return browser;
	}

}
