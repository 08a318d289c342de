package org.abusedesk.transparency.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.transparency.*}: the statements of reasons and their submission to the
 * EU's transparency database.
 *
 * @param puidPrefix the start of every statement's platform unique identifier
 * @param termsUrl the provider's terms, cited by every statement; none when empty
 * @param submission where and how statements are submitted
 */
@ConfigurationProperties("abusedesk.transparency")
record TransparencyProperties(@DefaultValue("abusedesk") String puidPrefix, String termsUrl,
		@DefaultValue Submission submission) {

	TransparencyProperties {
		termsUrl = (termsUrl != null) ? termsUrl : "";
	}

	/**
	 * {@code abusedesk.transparency.submission.*}.
	 *
	 * @param url the database's API; statements wait (and are exported) when empty
	 * @param token the database's API token, required with {@code url}
	 * @param batchSize statements per request, 1 to 100
	 * @param lease how long a claimed batch is held before another node may take it
	 * @param retryBase the first wait after a failed submission, doubled each time
	 * @param retryMax the longest wait after a failed submission
	 */
	record Submission(String url, String token, @DefaultValue("100") int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("1m") Duration retryBase, @DefaultValue("6h") Duration retryMax) {

		Submission {
			url = (url != null) ? url : "";
			token = (token != null) ? token : "";
		}

	}

}
