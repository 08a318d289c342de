package org.abusedesk.appeals.internal;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code abusedesk.*}: appeals, counter-notices and strikes.
 *
 * @param publicBaseUrl the address of the desk's public pages, for links in letters
 * @param appeals {@code abusedesk.appeals.*}
 * @param counterNotices {@code abusedesk.counter-notices.*}
 * @param strikes {@code abusedesk.strikes.*}
 */
@ConfigurationProperties("abusedesk")
record AppealProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue Window appeals,
		@DefaultValue CounterNoticeRules counterNotices, @DefaultValue StrikeRules strikes) {

	/** The next step offered to the parties of a decided appeal who disagree. */
	static final String REDRESS = "If you disagree with this outcome, you may refer the dispute to a certified "
			+ "out-of-court dispute settlement body (EU Digital Services Act, Article 21) or take it to the courts; "
			+ "this appeal does not take away your right to either.";

	/**
	 * {@code abusedesk.appeals.*}.
	 *
	 * @param window how long after a decision it may be appealed, at least six months
	 * @param decideWithin how long the desk takes to decide an appeal
	 * @param redress the next step offered to parties who disagree with the outcome
	 */
	record Window(@DefaultValue("P6M") Period window, @DefaultValue("7d") Duration decideWithin, String redress) {

		Window {
			redress = (redress != null) ? redress : REDRESS;
		}

	}

	/**
	 * {@code abusedesk.counter-notices.*}.
	 *
	 * @param restoreAfterBusinessDays business days after a counter-notice before the
	 * material is restored, 10 to 14
	 * @param calendar what a business day is
	 */
	record CounterNoticeRules(@DefaultValue("10") int restoreAfterBusinessDays, @DefaultValue Calendar calendar) {

	}

	/**
	 * {@code abusedesk.counter-notices.calendar.*}.
	 *
	 * @param zone the time zone business days are counted in
	 * @param weekend the days of the week that are no business days
	 * @param holidays the dates (ISO-8601) that are no business days
	 */
	record Calendar(@DefaultValue("UTC") String zone, @DefaultValue( {
			"SATURDAY", "SUNDAY" }) List<String> weekend, @DefaultValue List<String> holidays){

		Calendar {
			holidays = (holidays != null) ? holidays : List.of();
		}

	}

	/**
	 * {@code abusedesk.strikes.*}.
	 *
	 * @param window how long a strike counts
	 * @param repeatInfringerAt a customer's strikes in the window that make a repeat
	 * infringer
	 * @param reporterWarningAt a reporter's strikes in the window that earn a warning
	 * @param reporterSuspendAt a reporter's strikes in the window that suspend them
	 * @param reporterSuspension how long a reporter is suspended
	 */
	record StrikeRules(@DefaultValue("365d") Duration window, @DefaultValue("3") int repeatInfringerAt,
			@DefaultValue("2") int reporterWarningAt, @DefaultValue("3") int reporterSuspendAt,
			@DefaultValue("30d") Duration reporterSuspension) {

	}

}
