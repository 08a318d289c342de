package org.abusedesk.mitigations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.*}: mitigations, the customer's notices of them and the phishing
 * interstitial.
 *
 * @param publicBaseUrl the address of the desk's public pages, for links in notices
 * @param mitigations {@code abusedesk.mitigations.*}
 * @param interstitial {@code abusedesk.interstitial.*}
 */
@ConfigurationProperties("abusedesk")
record MitigationProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue Reviews mitigations, @DefaultValue Interstitial interstitial) {

	/**
	 * {@code abusedesk.mitigations.*}.
	 *
	 * @param defaultReviewAfter when a mitigation without a review date of its own is due
	 * for review
	 */
	record Reviews(@DefaultValue("90d") Duration defaultReviewAfter) {

	}

	/**
	 * {@code abusedesk.interstitial.*}.
	 *
	 * @param contestUrl where a visitor of the interstitial can contest the block; none
	 * when empty
	 * @param leaveUrl where the interstitial's way out leads
	 */
	record Interstitial(String contestUrl, @DefaultValue("about:blank") String leaveUrl) {

		Interstitial {
			contestUrl = (contestUrl != null) ? contestUrl : "";
		}

	}

}
