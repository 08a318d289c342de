package org.abusedesk.mitigations;

import org.abusedesk.EdgeDeskTest;
import java.time.Duration;
import java.util.List;

import org.abusedesk.Api;
import org.abusedesk.policy.EntityType;
import org.abusedesk.policy.MitigationType;
import org.abusedesk.policy.ProposedMitigation;
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
		long cursor = changeCursor();
		long caseId = fileAndAwaitCase("phishing", phishing(host, "/bank/"));
		actNow(caseId, new ProposedMitigation(MitigationType.PHISHING_INTERSTITIAL, EntityType.URL_PATTERN, List.of(),
				Duration.ZERO, null, null));
		JsonNode interstitial = latest(cursor, caseId).get(0);
		assertThat(interstitial.get("target").asString()).isEqualTo("https://" + host + "/bank/*");

		Api.Response page = this.api.get(interstitial.get("interstitial_path").asString(), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("The page you tried to open, <strong>https://" + host + "/bank/ and every page under it</strong>")
			.doesNotContain("/bank/*");
	}

}
