package org.abusedesk.intake.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.abusedesk.catalog.InvalidTargetException;
import org.abusedesk.catalog.Targets;
import org.abusedesk.intake.ReportType;

/**
 * Collects the targets of one message, without duplicates and up to the limit; reads
 * URLs, host names and IP addresses out of free text, defanged forms included.
 */
final class TargetExtractor {

	private static final Pattern HXXP = Pattern.compile("(?i)\\bh(?:xx|\\*\\*|XX)p(s?)(?=\\[?:)");

	private static final Pattern DEFANGED_DOT = Pattern.compile("(?i)\\[\\.]|\\(\\.\\)|\\{\\.}|\\[dot]|\\(dot\\)");

	private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`{}|\\\\^\\[\\]]+");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\"',;:]+@[^\\s@<>()\"',;:]+");

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)");

	private static final Pattern IPV6 = Pattern
		.compile("(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])");

	private static final Pattern HOST = Pattern
		.compile("(?i)(?<![\\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}(?![\\w-]|\\.\\w)");

	/** Looks like a top-level domain, but in mail text is nearly always a file name. */
	private static final Set<String> FILE_ENDINGS = Set.of("txt", "pdf", "doc", "docx", "xls", "xlsx", "zip", "png",
			"jpg", "jpeg", "gif", "exe", "html", "htm", "php", "js", "json", "xml", "csv", "eml", "log", "yaml", "yml",
			"asp", "aspx", "jsp", "cgi", "sh", "py", "java", "css");

	private final int max;

	private final List<String> problems;

	private final Map<String, MailTarget> found = new LinkedHashMap<>();

	private boolean limitNoted;

	TargetExtractor(int max, List<String> problems) {
		this.max = max;
		this.problems = problems;
	}

	List<MailTarget> targets() {
		return List.copyOf(this.found.values());
	}

	/** Reads one value a structured report gives: an address, a URL or a host name. */
	void addValue(String raw, ReportType type) {
		if (raw == null || raw.isBlank()) {
			return;
		}
		String value = refang(raw.strip());
		Optional<String> address = Targets.address(value);
		if (address.isPresent()) {
			add(MailTarget.Kind.ADDRESS, address.get(), type);
		}
		else if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
			if (validHost(value)) {
				add(MailTarget.Kind.URL, value, type);
			}
			else {
				this.problems.add("not a URL: " + excerpt(value));
			}
		}
		else if (!value.contains("/") && !value.contains(" ") && validHost(value)) {
			add(MailTarget.Kind.HOST, Targets.normalize(value), type);
		}
		else {
			this.problems.add("not an address, URL or host name: " + excerpt(value));
		}
	}

	/** Reads every URL, IP address and host name out of text written for people. */
	void addFromText(String text, ReportType type) {
		String rest = refang(text);
		Matcher urls = URL.matcher(rest);
		StringBuilder masked = new StringBuilder();
		while (urls.find()) {
			String url = trimPunctuation(urls.group());
			if (url.length() <= 2048 && validHost(url)) {
				add(MailTarget.Kind.URL, url, type);
			}
			urls.appendReplacement(masked, " ");
		}
		urls.appendTail(masked);
		rest = EMAIL.matcher(masked).replaceAll(" ");
		Matcher v4 = IPV4.matcher(rest);
		while (v4.find()) {
			Targets.address(v4.group()).ifPresent((address) -> add(MailTarget.Kind.ADDRESS, address, type));
		}
		Matcher v6 = IPV6.matcher(rest);
		while (v6.find()) {
			Targets.address(v6.group())
				.filter((address) -> !address.equals("::") && !address.equals("::1"))
				.ifPresent((address) -> add(MailTarget.Kind.ADDRESS, address, type));
		}
		Matcher hosts = HOST.matcher(rest);
		while (hosts.find()) {
			String host = hosts.group().toLowerCase(Locale.ROOT);
			String ending = host.substring(host.lastIndexOf('.') + 1);
			if (!FILE_ENDINGS.contains(ending) && validHost(host) && !coveredByUrl(host)) {
				add(MailTarget.Kind.HOST, Targets.normalize(host), type);
			}
		}
	}

	static String refang(String text) {
		String plain = HXXP.matcher(text).replaceAll("http$1");
		plain = DEFANGED_DOT.matcher(plain).replaceAll(".");
		return plain.replace("[:]", ":").replace("[://]", "://").replace("[@]", "@");
	}

	private boolean coveredByUrl(String host) {
		for (MailTarget target : this.found.values()) {
			if (target.kind() == MailTarget.Kind.URL && host.equals(hostOf(target.value()))) {
				return true;
			}
		}
		return false;
	}

	static String hostOf(String urlOrHost) {
		try {
			return Targets.normalize(urlOrHost);
		}
		catch (InvalidTargetException ex) {
			return null;
		}
	}

	private static boolean validHost(String urlOrHost) {
		return hostOf(urlOrHost) != null;
	}

	private static String trimPunctuation(String url) {
		int end = url.length();
		while (end > 0 && ".,;:!?)'\"".indexOf(url.charAt(end - 1)) >= 0) {
			end--;
		}
		return url.substring(0, end);
	}

	private void add(MailTarget.Kind kind, String value, ReportType type) {
		if (this.found.containsKey(value)) {
			return;
		}
		if (this.found.size() >= this.max) {
			if (!this.limitNoted) {
				this.problems.add("more than " + this.max + " targets; the rest not read");
				this.limitNoted = true;
			}
			return;
		}
		this.found.put(value, new MailTarget(kind, value, type));
	}

	static String excerpt(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

	/** For tests and the text reader: every target found, in order. */
	List<MailTarget> snapshot() {
		return new ArrayList<>(this.found.values());
	}

}
