package org.abusedesk.referrals.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code abusedesk.referrals.*}: where referrals go.
 *
 * @param ncmec the CyberTipline reporting API and who reports
 * @param authorities the law-enforcement authority of each country (ISO 3166 alpha-2)
 * @param fallback the authority when the country is unknown or has none configured
 * (Europol, DSA Art. 18(2))
 * @param hold how long a confirmed CSAM case's evidence is preserved (at least 90 days)
 * @param lease how long a connector node holds a referral it works on
 */
@ConfigurationProperties("abusedesk.referrals")
record ReferralProperties(Ncmec ncmec, Map<String, Authority> authorities, Authority fallback, Duration hold,
		Duration lease) {

	static final Duration MINIMUM_HOLD = Duration.ofDays(90);

	ReferralProperties {
		ncmec = (ncmec != null) ? ncmec : new Ncmec(null, null, null, "abusedesk", null, null);
		authorities = (authorities != null) ? Map.copyOf(authorities) : Map.of();
		fallback = (fallback != null) ? fallback : new Authority("Europol", null, null);
		hold = (hold != null && hold.compareTo(MINIMUM_HOLD) >= 0) ? hold : MINIMUM_HOLD;
		lease = (lease != null) ? lease : Duration.ofMinutes(5);
	}

	/** The authority configured for a country, or the fallback. */
	Authority authorityFor(String country) {
		return Optional.ofNullable(country)
			.map((code) -> this.authorities.get(code.toUpperCase(Locale.ROOT)))
			.orElse(this.fallback);
	}

	/** Whether a country has an authority of its own. */
	boolean hasAuthority(String country) {
		return country != null && this.authorities.containsKey(country.toUpperCase(Locale.ROOT));
	}

	/**
	 * @param url the base URL of the reporting API (e.g. its test environment); nothing
	 * is sent without one
	 * @param username the reporting account
	 * @param password its password
	 * @param providerName the reporting provider as NCMEC knows it
	 * @param contactName the person NCMEC may contact
	 * @param contactEmail their email
	 */
	record Ncmec(String url, String username, String password, String providerName, String contactName,
			String contactEmail) {

		Ncmec {
			providerName = (providerName != null && !providerName.isBlank()) ? providerName : "abusedesk";
		}

	}

	/**
	 * @param name as the referral names it, e.g. {@code BKA}
	 * @param email where referrals go by email
	 * @param webhook or where they are posted (one of
	 * {@code abusedesk.webhooks.endpoints})
	 */
	record Authority(String name, String email, String webhook) {
	}

}
