package org.abusedesk.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.sign-in.*}: how many failed sign-ins (console password, customer
 * token) are allowed before further attempts are refused for a while.
 *
 * @param accountFailures failures for one account name within {@code window} (console
 * only: a customer token names no account)
 * @param addressFailures failures from one client address (IPv4, or IPv6 /64) within
 * {@code window}
 * @param window how far back failures count
 * @param firstDelay how long attempts are refused after the limit is first reached; each
 * further time without a quiet {@code window} in between doubles it
 * @param maxDelay the longest refusal
 * @param maxKeys how many accounts and addresses are tracked per node at most (idle ones
 * are dropped first)
 */
@ConfigurationProperties("abusedesk.sign-in")
record SignInThrottleProperties(@DefaultValue("5") int accountFailures, @DefaultValue("20") int addressFailures,
		@DefaultValue("15m") Duration window, @DefaultValue("1m") Duration firstDelay,
		@DefaultValue("1h") Duration maxDelay, @DefaultValue("100000") int maxKeys) {

}
