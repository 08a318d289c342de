package org.abusedesk.content;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reviewer would read in a piece of evidence: plain text as it is, HTML
 * reduced to its visible text (scripts, styles and comments dropped, block elements on
 * their own lines, character references decoded), the text of a PDF within limits (see
 * {@code PdfText}). Other types have no text here.
 */
public final class EvidenceText {

	private static final Pattern INVISIBLE = Pattern
		.compile("(?is)<!--.*?-->|<(script|style|noscript|template|head)\\b[^>]*>.*?</\\1\\s*>");

	private static final Pattern BLOCK = Pattern.compile(
			"(?i)</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|address|blockquote|pre|dd|dt|hr)\\b[^>]*>");

	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

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
		String text = INVISIBLE.matcher(html).replaceAll(" ");
		text = BLOCK.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		text = decode(text);
		return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip();
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
