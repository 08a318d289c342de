package org.abusedesk.mitigations;

import org.abusedesk.EdgeDeskTest;

import org.abusedesk.Api;
import org.abusedesk.policy.MitigationType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phishing warning page, found by the README walk-through: for a reported directory
 * it showed the visitor the edge's pattern ({@code https://h/bank/*}) as "the page you
 * tried to open".
 */
class InterstitialPageTests extends EdgeDeskTest {

	@Test
	void interstitialNamesAPathPrefixInWordsNotAsTheEdgePattern() {
		String host = "blog." + this.catalog.hostedZone();
		long caseId = fileAndActNow("phishing", phishing(host, "/bank/"), MitigationType.PHISHING_INTERSTITIAL);
		JsonNode interstitial = latest(caseId).get(0);
		assertThat(interstitial.get("target").asString()).isEqualTo("https://" + host + "/bank/*");

		Api.Response page = this.api.get(interstitial.get("interstitial_path").asString(), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("The page you tried to open, <strong>https://" + host + "/bank/ and every page under it</strong>")
			.doesNotContain("/bank/*");
	}

}
