package org.abusedesk.content;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reviewer would read in a piece of evidence: plain text as it is, HTML
 * reduced to its visible text (scripts, styles and comments dropped, block elements on
 * their own lines, character references decoded), the text of a PDF within limits (see
 * {@code PdfText}). Other types have no text here.
 */
public final class EvidenceText {

	/** Elements whose content is not shown, as with {@code <script ...>...</script >}. */
	private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "head");

	/** Elements that start a line of their own. */
	private static final Set<String> BLOCK = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1",
			"h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "address", "blockquote", "pre",
			"dd", "dt", "hr");

	private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

	private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
			Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
			Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
			Map.entry("uuml", "ü"), Map.entry("szlig", "ß"), Map.entry("deg", "°"), Map.entry("ccedil", "ç"));

	private EvidenceText() {
	}

	/**
	 * What was read of a file.
	 *
	 * @param text its readable text, or {@code null} when none was read
	 * @param note for the reviewer, why no text or only part of it was read; {@code null}
	 * when it was all read or the type has no text
	 */
	public record Reading(String text, String note) {

		static final Reading NONE = new Reading(null, null);

		static Reading unread(String why) {
			return new Reading(null, why);
		}

	}

	/**
	 * The readable text of content of the given media type; empty for types without text
	 * and files that could not be read.
	 */
	public static Optional<String> of(byte[] content, String mediaType) {
		return Optional.ofNullable(read(content, mediaType).text());
	}

	/**
	 * The readable text of content of the given media type, and why it is missing or
	 * partial; never throws for bad content.
	 */
	public static Reading read(byte[] content, String mediaType) {
		String type = (mediaType != null) ? mediaType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
			return new Reading(fromHtml(new String(content, StandardCharsets.UTF_8)), null);
		}
		if (type.startsWith("text/")) {
			return new Reading(new String(content, StandardCharsets.UTF_8), null);
		}
		if (type.startsWith("application/pdf")) {
			return PdfText.read(content);
		}
		return Reading.NONE;
	}

	/** The visible text of an HTML document. */
	public static String fromHtml(String html) {
		String text = withoutInvisible(html);
		text = blocksAsLines(text);
		text = withoutTags(text);
		text = decode(text);
		return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip();
	}

	/**
	 * Comments and invisible elements replaced by a space, as the pattern
	 * {@code (?is)<!--.*?-->|<(script|style|noscript|template|head)\b[^>]*>.*?</\1\s*>}
	 * did, in work linear in the text: the pattern read to the end of the text from each
	 * {@code <!--} or {@code <script} that nothing closed.
	 */
	static String withoutInvisible(CharSequence html) {
		Scanner scan = new Scanner(html);
		return replaced(html, " ", (i) -> {
			if (startsWith(html, i, "<!--")) {
				int close = scan.next("-->", i + 4);
				return (close < 0) ? -1 : close + 3;
			}
			int nameEnd = wordEnd(html, i + 1);
			String name = asciiLower(html, i + 1, nameEnd);
			if (!INVISIBLE.contains(name)) {
				return -1;
			}
			int open = scan.next(">", nameEnd);
			return (open < 0) ? -1 : scan.closing(name, open + 1);
		});
	}

	/**
	 * Tags of block elements replaced by a line break, as the pattern
	 * {@code (?i)</?(p|div|...)\b[^>]*>} did, in work linear in the text.
	 */
	static String blocksAsLines(CharSequence html) {
		Scanner scan = new Scanner(html);
		return replaced(html, "\n", (i) -> {
			int nameStart = (i + 1 < html.length() && html.charAt(i + 1) == '/') ? i + 2 : i + 1;
			int nameEnd = wordEnd(html, nameStart);
			if (!BLOCK.contains(asciiLower(html, nameStart, nameEnd))) {
				return -1;
			}
			int close = scan.next(">", nameEnd);
			return (close < 0) ? -1 : close + 1;
		});
	}

	/**
	 * The text with each span that starts at a {@code <} replaced by {@code with}, in one
	 * forward pass.
	 * @param spanEnd where the span starting at a {@code <} ends (exclusive), or -1 when
	 * none starts there
	 */
	private static String replaced(CharSequence html, String with, IntUnaryOperator spanEnd) {
		StringBuilder text = new StringBuilder(html.length());
		int i = 0;
		while (i < html.length()) {
			int end = (html.charAt(i) == '<') ? spanEnd.applyAsInt(i) : -1;
			if (end < 0) {
				text.append(html.charAt(i));
				i++;
			}
			else {
				text.append(with);
				i = end;
			}
		}
		return text.toString();
	}

	/**
	 * Every {@code <...>} removed, as the pattern {@code (?s)<[^>]*>} did, in one pass:
	 * the pattern read to the end of the text from every {@code <} that no {@code >}
	 * follows (the scanner remembers that none does).
	 */
	static String withoutTags(CharSequence html) {
		Scanner scan = new Scanner(html);
		return replaced(html, "", (i) -> {
			int close = scan.next(">", i + 1);
			return (close < 0) ? -1 : close + 1;
		});
	}

	private static boolean startsWith(CharSequence text, int at, String prefix) {
		if (at + prefix.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < prefix.length(); k++) {
			if (text.charAt(at + k) != prefix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The end of the run of word characters (as {@code \b} sees them) from {@code at}.
	 */
	private static int wordEnd(CharSequence text, int at) {
		int end = at;
		// no element name is longer; a longer run names none of them
		while (end < text.length() && end - at <= 10 && isWord(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean isWord(char c) {
		return c == '_' || Character.isLetterOrDigit(c);
	}

	/**
	 * The characters, with ASCII letters in lower case (as {@code (?i)} compares them).
	 */
	private static String asciiLower(CharSequence text, int start, int end) {
		StringBuilder name = new StringBuilder(end - start);
		for (int k = start; k < end; k++) {
			char c = text.charAt(k);
			name.append((c >= 'A' && c <= 'Z') ? (char) (c + 32) : c);
		}
		return name.toString();
	}

	/**
	 * Finds what follows a position, remembering the last answer for each thing sought: a
	 * scan that moves forward asks again from a later position and is answered without
	 * reading the text again, and "none" stays "none".
	 */
	private static final class Scanner {

		private final CharSequence text;

		private final Map<String, int[]> found = new HashMap<>();

		private final Map<String, int[]> closed = new HashMap<>();

		Scanner(CharSequence text) {
			this.text = text;
		}

		/**
		 * The first index at or after {@code from} where {@code sought} starts, or -1.
		 */
		int next(String sought, int from) {
			int[] last = this.found.get(sought);
			if (last != null && last[0] <= from && (last[1] < 0 || last[1] >= from)) {
				return last[1];
			}
			int at = from;
			while (at < this.text.length() && !startsWith(this.text, at, sought)) {
				at++;
			}
			int result = (at < this.text.length()) ? at : -1;
			this.found.put(sought, new int[] { from, result });
			return result;
		}

		/**
		 * The index just past the first {@code </name\s*>} (name in any case) at or after
		 * {@code from}, or -1.
		 */
		int closing(String name, int from) {
			int[] last = this.closed.get(name);
			if (last != null && last[0] <= from && (last[1] < 0 || last[1] >= from)) {
				return last[1];
			}
			int result = closingFrom(name, from);
			this.closed.put(name, new int[] { from, result });
			return result;
		}

		private int closingFrom(String name, int from) {
			int at = from;
			while (true) {
				int open = next("</", at);
				if (open < 0) {
					return -1;
				}
				int nameEnd = open + 2 + name.length();
				if (nameEnd <= this.text.length() && asciiLower(this.text, open + 2, nameEnd).equals(name)) {
					int k = nameEnd;
					while (k < this.text.length() && isSpace(this.text.charAt(k))) {
						k++;
					}
					if (k < this.text.length() && this.text.charAt(k) == '>') {
						return k + 1;
					}
				}
				at = open + 1;
			}
		}

		private static boolean isSpace(char c) {
			return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
		}

	}

	private static String decode(String text) {
		Matcher matcher = REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String character(String reference, String whole) {
		try {
			if (reference.startsWith("#x") || reference.startsWith("#X")) {
				return Character.toString(Integer.parseInt(reference.substring(2), 16));
			}
			if (reference.startsWith("#")) {
				return Character.toString(Integer.parseInt(reference.substring(1)));
			}
		}
		catch (IllegalArgumentException ex) {
			return whole;
		}
		return NAMED.getOrDefault(reference, whole);
	}

}
