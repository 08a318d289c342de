package org.abusedesk.mailbox.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

	/**
	 * Mail addresses, masked before host names are read. A match starts only where a word
	 * starts and takes whole runs (possessive): a long word without {@code @} is read
	 * once, not once from each of its characters.
	 */
	static final Pattern EMAIL = Pattern.compile("(?<![^\\s@<>()\"',;:])[^\\s@<>()\"',;:]++@[^\\s@<>()\"',;:]++");

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)");

	private static final Pattern IPV6 = Pattern
		.compile("(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])");

	/** Looks like a top-level domain, but in mail text is nearly always a file name. */
	private static final Set<String> FILE_ENDINGS = Set.of("txt", "pdf", "doc", "docx", "xls", "xlsx", "zip", "png",
			"jpg", "jpeg", "gif", "exe", "html", "htm", "php", "js", "json", "xml", "csv", "eml", "log", "yaml", "yml",
			"asp", "aspx", "jsp", "cgi", "sh", "py", "java", "css");

	private final int max;

	private final List<String> problems;

	private final ExtractionBudget budget;

	private final Map<String, MailTarget> found = new LinkedHashMap<>();

	/** The hosts of the URLs found, so that a host name in a URL is not taken twice. */
	private final Set<String> urlHosts = new HashSet<>();

	private boolean limitNoted;

	private boolean budgetNoted;

	TargetExtractor(int max, List<String> problems) {
		this(max, new ExtractionBudget(Long.MAX_VALUE), problems);
	}

	/**
	 * @param budget the work the text of this message may cost; once spent, the text
	 * still unread is left and a problem says so
	 */
	TargetExtractor(int max, ExtractionBudget budget, List<String> problems) {
		this.max = max;
		this.budget = budget;
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

	/**
	 * Reads every URL, IP address and host name out of text written for people, in work
	 * linear in the text. The text is read in pieces that end after white space (no
	 * target spans white space, so each is found as in the whole text); when the budget
	 * is spent, what the pieces before found is kept and a problem says where it stopped.
	 * The targets are taken in the order URLs, IPv4, IPv6 addresses, host names.
	 */
	void addFromText(String text, ReportType type) {
		if (this.budgetNoted) {
			return;
		}
		Found found = new Found();
		int start = 0;
		try {
			while (start < text.length()) {
				int end = pieceEnd(text, start, this.pieceLength);
				Found piece = new Found();
				readPiece(text.substring(start, end), piece);
				found.addAll(piece);
				start = end;
			}
		}
		catch (ExtractionBudget.Spent ex) {
			this.budgetNoted = true;
			this.problems.add("indicator extraction stopped at character " + start + " of " + text.length() + " ("
					+ this.budget.limit() + " characters read); the rest of the text was not searched");
		}
		found.urls.forEach((url) -> add(MailTarget.Kind.URL, url, type));
		found.addresses.forEach((address) -> add(MailTarget.Kind.ADDRESS, address, type));
		found.v6.forEach((address) -> add(MailTarget.Kind.ADDRESS, address, type));
		found.hosts.forEach((host, normalized) -> {
			if (!this.urlHosts.contains(host)) {
				add(MailTarget.Kind.HOST, normalized, type);
			}
		});
	}

	/** Pieces of text read at a time, so that a spent budget keeps what was found. */
	static final int PIECE_LENGTH = 64 * 1024;

	private int pieceLength = PIECE_LENGTH;

	/** For tests: read in smaller pieces. */
	TargetExtractor pieces(int length) {
		this.pieceLength = length;
		return this;
	}

	/**
	 * The end of the piece from {@code start}: after the first white space from its
	 * length on.
	 */
	private static int pieceEnd(String text, int start, int length) {
		int end = (int) Math.min((long) start + length, text.length());
		while (end < text.length() && !isSpace(text.charAt(end - 1))) {
			end++;
		}
		return end;
	}

	/** {@code \s} of a pattern: what no target contains. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	/** The targets found in one text, each kind in the order found. */
	private static final class Found {

		final Set<String> urls = new LinkedHashSet<>();

		final Set<String> addresses = new LinkedHashSet<>();

		final Set<String> v6 = new LinkedHashSet<>();

		/** Lower-cased host names and their normalised forms. */
		final Map<String, String> hosts = new LinkedHashMap<>();

		void addAll(Found piece) {
			this.urls.addAll(piece.urls);
			this.addresses.addAll(piece.addresses);
			this.v6.addAll(piece.v6);
			piece.hosts.forEach(this.hosts::putIfAbsent);
		}

	}

	private void readPiece(String text, Found found) {
		String rest = refang(text, this.budget);
		Matcher urls = URL.matcher(this.budget.over(rest));
		StringBuilder masked = new StringBuilder();
		while (urls.find()) {
			String url = trimPunctuation(urls.group());
			if (url.length() <= 2048 && validHost(url)) {
				found.urls.add(url);
			}
			urls.appendReplacement(masked, " ");
		}
		urls.appendTail(masked);
		rest = EMAIL.matcher(this.budget.over(masked)).replaceAll(" ");
		Matcher v4 = IPV4.matcher(this.budget.over(rest));
		while (v4.find()) {
			Targets.address(v4.group()).ifPresent(found.addresses::add);
		}
		Matcher v6 = IPV6.matcher(this.budget.over(rest));
		while (v6.find()) {
			Targets.address(v6.group())
				.filter((address) -> !address.equals("::") && !address.equals("::1"))
				.ifPresent(found.v6::add);
		}
		for (String name : hostNames(this.budget.over(rest))) {
			if (name.length() > 253) {
				continue;
			}
			String host = name.toLowerCase(Locale.ROOT);
			String ending = host.substring(host.lastIndexOf('.') + 1);
			if (!FILE_ENDINGS.contains(ending) && !found.hosts.containsKey(host) && validHost(host)) {
				found.hosts.put(host, Targets.normalize(host));
			}
		}
	}

	/**
	 * The host names in a text: where no word character, dot, {@code @}, {@code /} or
	 * hyphen comes before, one or more labels (letters, digits, inner hyphens; up to 63
	 * characters) each followed by a dot, then a top-level label (a letter first, 2 to 63
	 * characters) that no word character, hyphen or dot with a word character follows.
	 * This is what the pattern
	 * {@code (?i)(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}(?![\w-]|\.\w)}
	 * found, but read in one pass: the pattern recursed once per label (a long
	 * {@code a.a.a...} overflowed the stack) and backtracked over the labels.
	 */
	static List<String> hostNames(CharSequence text) {
		List<String> names = new ArrayList<>();
		int length = text.length();
		boolean blocked = false;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (!isAsciiLetterOrDigit(c) || blocked) {
				blocked = isWordChar(c) || c == '.' || c == '@' || c == '/' || c == '-';
				i++;
				continue;
			}
			int end = hostName(text, i);
			if (end > i) {
				names.add(text.subSequence(i, end).toString());
			}
			// nothing starts inside the run of letters, digits, dots and hyphens
			int runEnd = Math.max(end, i + 1);
			while (runEnd < length && isHostChar(text.charAt(runEnd))) {
				runEnd++;
			}
			i = runEnd;
			blocked = true;
		}
		return names;
	}

	/**
	 * The end of the host name that starts at {@code start}, or {@code start} when none
	 * does. Labels are whole dot-separated segments; after {@code k} leading labels only
	 * the segment that follows them or, with two labels or more, the last label itself
	 * can be the top-level label, since a word character follows every other one.
	 */
	private static int hostName(CharSequence text, int start) {
		int length = text.length();
		int labels = 0;
		int lastLabel = -1;
		int at = start;
		while (true) {
			int segmentEnd = at;
			while (segmentEnd < length && isLabelChar(text.charAt(segmentEnd))) {
				segmentEnd++;
			}
			boolean dotFollows = segmentEnd < length && text.charAt(segmentEnd) == '.';
			if (!dotFollows || !validLabel(text, at, segmentEnd)) {
				// the segment at 'at' is the one after the last label
				if (labels == 0) {
					return start;
				}
				int end = topLevelEnd(text, at, segmentEnd);
				if (end >= 0) {
					return end;
				}
				end = (labels >= 2) ? topLevelEnd(text, lastLabel, at - 1) : -1;
				return (end >= 0) ? end : start;
			}
			labels++;
			lastLabel = at;
			at = segmentEnd + 1;
		}
	}

	private static boolean validLabel(CharSequence text, int from, int to) {
		int length = to - from;
		return length >= 1 && length <= 63 && isAsciiLetterOrDigit(text.charAt(from))
				&& isAsciiLetterOrDigit(text.charAt(to - 1));
	}

	/**
	 * {@code to} when the segment {@code [from, to)} is a top-level label followed by no
	 * word character, hyphen or dot and word character; else -1.
	 */
	private static int topLevelEnd(CharSequence text, int from, int to) {
		int length = to - from;
		if (length < 2 || length > 63 || !isAsciiLetter(text.charAt(from))) {
			return -1;
		}
		if (to < text.length()) {
			char next = text.charAt(to);
			if (isWordChar(next) || next == '-'
					|| (next == '.' && to + 1 < text.length() && isWordChar(text.charAt(to + 1)))) {
				return -1;
			}
		}
		return to;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return isAsciiLetter(c) || (c >= '0' && c <= '9');
	}

	private static boolean isLabelChar(char c) {
		return isAsciiLetterOrDigit(c) || c == '-';
	}

	private static boolean isHostChar(char c) {
		return isLabelChar(c) || c == '.';
	}

	/** {@code \w} of a pattern without UNICODE_CHARACTER_CLASS. */
	private static boolean isWordChar(char c) {
		return isAsciiLetterOrDigit(c) || c == '_';
	}

	static String refang(String text) {
		return refang(text, new ExtractionBudget(Long.MAX_VALUE));
	}

	private static String refang(String text, ExtractionBudget budget) {
		String plain = HXXP.matcher(budget.over(text)).replaceAll("http$1");
		plain = DEFANGED_DOT.matcher(budget.over(plain)).replaceAll(".");
		return plain.replace("[:]", ":").replace("[://]", "://").replace("[@]", "@");
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
		if (kind == MailTarget.Kind.URL) {
			String host = hostOf(value);
			if (host != null) {
				this.urlHosts.add(host);
			}
		}
	}

	static String excerpt(String value) {
		return (value.length() > 80) ? value.substring(0, 80) + "…" : value;
	}

	/** For tests and the text reader: every target found, in order. */
	List<MailTarget> snapshot() {
		return new ArrayList<>(this.found.values());
	}

}
