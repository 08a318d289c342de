package org.abusedesk.intake;

import org.abusedesk.WebForm;
import org.abusedesk.Api;
import org.abusedesk.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Over HTTP, with a budget small enough to exhaust (a context of its own). */
@TestPropertySource(properties = "abusedesk.intake.rate-limit.per-address-per-minute=2")
class RateLimitTests extends IntegrationTest {

	@Test
	void theThirdReportInAMinuteFromOneAddressIsRefusedWithRetryAfter() {
		Api api = new Api(this.port);
		assertThat(api.post("/api/v1/reports/general", "{}", null).status()).isEqualTo(422);
		assertThat(api.post("/api/v1/reports/general", "{}", null).status()).isEqualTo(422);
		Api.Response refused = api.post("/api/v1/reports/general", "{}", null);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(refused.json().get("title").asString()).isEqualTo("Too many requests");

		// the web form draws on the same budget of this address, and says so in a page
		WebForm.Page page = new WebForm(this.port).submit("general", java.util.List.of());
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("Too many reports").contains("Nothing you");
	}

}
