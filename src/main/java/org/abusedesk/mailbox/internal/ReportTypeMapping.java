package org.abusedesk.mailbox.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.abusedesk.intake.ReportType;

/**
 * The senders' words for abuse (ARF feedback types, X-ARF categories and types of every
 * generation) mapped to our report types. One table, documented in docs/email-intake.md.
 */
final class ReportTypeMapping {

	private static final Map<String, ReportType> TABLE = new HashMap<>();

	static {
		put(ReportType.PHISHING, "phishing", "fraud", "malware", "virus", "malwarehosting", "malwaredistribution",
				"exploitkit", "trojan", "ransomware", "credentialharvesting", "defacement", "socialengineering",
				"unwantedsoftware", "potentiallyharmfulapplication");
		put(ReportType.GENERAL, "abuse", "spam", "bulkmessaging", "loginattack", "bruteforce", "portscan", "scan",
				"ddos", "ddosamplification", "dos", "authfailure", "sqlinjection", "vulnscanning", "reconnaissance",
				"scraping", "bot", "botnet", "c2", "compromisedserver", "blocklist", "threatintelligence", "cve",
				"open", "misconfiguration", "openresolver", "hacking", "intrusion", "attack", "activity", "connection",
				"messaging", "infrastructure", "reputation", "vulnerability", "content", "optout", "other", "info");
		put(ReportType.DMCA, "copyright", "dmca", "p2p", "cyberlocker", "ugcplatform", "linksite", "usenet", "piracy");
		put(ReportType.TRADEMARK, "trademark", "counterfeit");
		put(ReportType.CHILDREN, "csam", "csem", "childabuse", "childporn", "children");
		put(ReportType.NCSEI, "ncii", "nci", "ncsei");
		put(ReportType.THREAT, "harassment", "threat", "violence");
		put(ReportType.PRIVACY, "exposeddata", "doxing", "privacy");
	}

	private ReportTypeMapping() {
	}

	private static void put(ReportType type, String... words) {
		for (String word : words) {
			TABLE.put(word, type);
		}
	}

	/**
	 * Lower case, letters and digits only: {@code Login-Attack}, {@code login_attack} are
	 * one.
	 */
	static String key(String word) {
		return (word == null) ? "" : word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	static Optional<ReportType> of(String word) {
		return Optional.ofNullable(TABLE.get(key(word)));
	}

	/** ARF {@code not-spam}: a user saying a message was wanted, not a complaint. */
	static boolean notAComplaint(String word) {
		return key(word).equals("notspam");
	}

}
