package org.abusedesk.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.intake.DenialReason;

import org.springframework.stereotype.Component;

/**
 * The console's words for wire values: templates write {@code ${@words.status('case',
 * s)}} instead of the code name, and times as readable text. A value the map does not
 * know is shown with its underscores as spaces, never hidden.
 */
@Component("words")
public class ConsoleWords {

	private static final Map<String, String> CASE_STATUS = Map.of("new", "New", "triage", "Triage", "awaiting_customer",
			"Waiting for the customer", "in_review", "In review", "awaiting_approval", "Waiting for approval",
			"actioned", "Actioned", "forwarded", "Forwarded", "rejected", "Rejected", "appealed", "Appealed", "closed",
			"Closed");

	private static final Map<String, String> REPORT_STATUS = Map.of("submitted", "Submitted", "accepted", "Accepted",
			"denied", "Denied");

	private static final Map<String, String> MITIGATION_STATUS = Map.of("pending", "Pending (grace period)", "active",
			"Active", "in_review", "In review", "cancelled", "Cancelled", "removed", "Lifted");

	private static final Map<String, String> PROPOSAL_STATUS = Map.of("awaiting_approval", "Waiting for approval",
			"approved", "Approved", "refused", "Refused", "applied", "Applied");

	private static final Map<String, Map<String, String>> STATUSES = Map.of("case", CASE_STATUS, "report",
			REPORT_STATUS, "mitigation", MITIGATION_STATUS, "proposal", PROPOSAL_STATUS);

	private static final Map<String, String> TYPES = Map.of("dmca", "Copyright (DMCA)", "trademark", "Trademark",
			"phishing", "Phishing or malware", "children", "Child sexual abuse material", "ncsei",
			"Non-consensual intimate imagery", "threat", "Violent threat", "privacy", "Exposed personal data",
			"general", "Other abuse", "legal_order", "Legal order", "registrar_whois", "Registrar or WHOIS data");

	private static final Map<String, String> SERVICES = Map.of("proxy", "Proxy (CDN)", "hosting", "Hosting",
			"registrar", "Registrar", "dns", "Authoritative DNS", "resolver", "Public resolver");

	private static final Map<String, String> MITIGATION_TYPES = Map.of("phishing_interstitial", "Phishing warning page",
			"malware_block", "Malware block", "content_disable", "Content disabled", "legal_block",
			"Block by legal order", "emergency_block", "Emergency block", "account_suspend", "Account suspended",
			"zone_terminate", "Zone terminated");

	private static final Map<String, String> ENTITY_TYPES = Map.of("url_pattern", "the reported URLs", "zone",
			"the whole zone", "account", "the whole account");

	private static final Map<String, String> REVIEWS = Map.of("none", "No review needed", "one", "One reviewer decides",
			"two_distinct_approvers", "Two different people must approve", "senior", "A senior reviewer must approve");

	private static final Map<String, String> PRIORITIES = Map.of("p1", "P1 urgent", "p2", "P2 high", "p3", "P3 normal",
			"p4", "P4 low");

	private static final Map<String, String> REPORTER_KINDS = Map.of("individual", "Individual", "organisation",
			"Organisation", "rights_holder", "Rights holder", "trusted_flagger", "Trusted flagger", "law_enforcement",
			"Law enforcement", "government", "Government", "automated_feed", "Automated feed");

	private static final Map<String, String> ROLES = Map.of("agent", "Agent", "reviewer", "Reviewer", "senior",
			"Senior reviewer", "legal", "Legal", "admin", "Administrator", "edge", "Edge");

	private static final Pattern BASIS_REQUIRED = Pattern
		.compile("(?:guardrail )?basis_required: (\\w+) on (\\w+) without its basis \\(([^)]*)\\)");

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	/**
	 * A status in words.
	 * @param kind {@code case}, {@code report}, {@code mitigation} or {@code proposal}
	 */
	public String status(String kind, String value) {
		return lookup(STATUSES.getOrDefault(kind, Map.of()), value);
	}

	public String caseStatus(String value) {
		return status("case", value);
	}

	/** A case status in words; any other value (a name, a role) as it is. */
	public String caseStatusOrAsIs(String value) {
		return CASE_STATUS.getOrDefault(value, (value != null) ? value : "");
	}

	public String type(String value) {
		return lookup(TYPES, value);
	}

	/** A report type or a mitigation type, whichever the value is. */
	public String typeOrMitigation(String value) {
		return MITIGATION_TYPES.containsKey(value) ? MITIGATION_TYPES.get(value) : type(value);
	}

	public String service(String value) {
		return lookup(SERVICES, value);
	}

	public String services(List<String> values) {
		return String.join(", ", (values != null) ? values.stream().map(this::service).toList() : List.of());
	}

	public String mitigation(String value) {
		return lookup(MITIGATION_TYPES, value);
	}

	public String entityType(String value) {
		return lookup(ENTITY_TYPES, value);
	}

	public String review(String value) {
		return lookup(REVIEWS, value);
	}

	public String priority(String value) {
		return lookup(PRIORITIES, value);
	}

	public String reporterKind(String value) {
		return lookup(REPORTER_KINDS, value);
	}

	public String role(String value) {
		return lookup(ROLES, value);
	}

	/** A denial reason as the sentence the reporter reads. */
	public String denialReason(String value) {
		return DenialReason.fromWire(value).map(DenialReason::explanation).orElseGet(() -> plain(value));
	}

	/**
	 * A policy rule's id in words: {@code proxy.phishing_confirmed} is "proxy: phishing
	 * confirmed".
	 */
	public String rule(String id) {
		if (id == null) {
			return "";
		}
		int dot = id.indexOf('.');
		return (dot < 0) ? capitalised(plain(id))
				: capitalised(plain(id.substring(0, dot))) + ": " + plain(id.substring(dot + 1).replace('.', ' '));
	}

	public String rules(List<String> ids) {
		return String.join("; ", (ids != null) ? ids.stream().map(this::rule).toList() : List.of());
	}

	/** A guardrail's refusal in words ("basis_required: ..." as a sentence). */
	public String refusal(String text) {
		if (text == null) {
			return "";
		}
		Matcher matcher = BASIS_REQUIRED.matcher(text);
		if (matcher.find()) {
			return mitigation(matcher.group(1)) + " on " + service(matcher.group(2))
					+ " needs its basis recorded first (" + plain(matcher.group(3)) + ").";
		}
		return capitalised(plain(text.replaceFirst("^guardrail ", "")));
	}

	/** The exact time, in UTC, for people (the browser shows it in the viewer's zone). */
	public String exact(Instant at) {
		return (at != null) ? EXACT.format(at) : "";
	}

	/** The time as a {@code datetime} attribute. */
	public String iso(Instant at) {
		return (at != null) ? at.toString() : "";
	}

	/** "3 hours ago", "in 2 days": what the page shows before its script refines it. */
	public String relative(Instant at) {
		return relative(at, Instant.now());
	}

	static String relative(Instant at, Instant now) {
		if (at == null) {
			return "";
		}
		Duration between = Duration.between(at, now);
		boolean past = !between.isNegative();
		long seconds = Math.abs(between.getSeconds());
		if (seconds < 60) {
			return "just now";
		}
		String amount;
		if (seconds < 3600) {
			amount = count(seconds / 60, "minute");
		}
		else if (seconds < 86_400) {
			amount = count(seconds / 3600, "hour");
		}
		else if (seconds < 86_400L * 45) {
			amount = count(seconds / 86_400, "day");
		}
		else if (seconds < 86_400L * 365) {
			amount = count(seconds / (86_400L * 30), "month");
		}
		else {
			amount = count(seconds / (86_400L * 365), "year");
		}
		return past ? amount + " ago" : "in " + amount;
	}

	private static String count(long n, String unit) {
		return n + " " + unit + ((n == 1) ? "" : "s");
	}

	private static String lookup(Map<String, String> words, String value) {
		if (value == null) {
			return "";
		}
		String word = words.get(value);
		return (word != null) ? word : capitalised(plain(value));
	}

	static String plain(String value) {
		return (value != null) ? value.replace('_', ' ') : "";
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
