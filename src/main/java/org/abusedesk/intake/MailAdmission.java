package org.abusedesk.intake;

import java.time.Duration;
import java.util.Optional;

/**
 * The intake budgets, for the abuse mailbox: a mail sender has a budget of reports per
 * minute like an address on the API (a configured feed, like a reporter token), so that
 * one message, or many, from one sender cannot become thousands of reports.
 */
public interface MailAdmission {

	/**
	 * Takes {@code reports} units of the sender's budget.
	 * @param sender the sender's address
	 * @param feed whether the sender is a configured, authenticated feed
	 * @param reports how many reports the message would be filed as
	 * @return how long to wait, when the budget does not cover them (nothing is taken
	 * then); empty when admitted
	 */
	Optional<Duration> admit(String sender, boolean feed, int reports);

}
