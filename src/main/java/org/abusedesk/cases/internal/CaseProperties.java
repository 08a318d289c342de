package org.abusedesk.cases.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.cases.*}: how cases are worked and closed.
 *
 * @param claimDuration how long a claim on a case lasts without being renewed
 * @param forwardedQuietPeriod how long a forwarded case stays open without new reports
 * before it is closed
 */
@ConfigurationProperties("abusedesk.cases")
record CaseProperties(@DefaultValue("30m") Duration claimDuration,
		@DefaultValue("P30D") Duration forwardedQuietPeriod) {

}
