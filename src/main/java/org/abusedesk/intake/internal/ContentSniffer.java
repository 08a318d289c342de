package org.abusedesk.intake.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells what a file is by its first bytes, never by its name or declared type: evidence
 * is accepted only as one of a few inert formats.
 */
final class ContentSniffer {

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);

	private ContentSniffer() {
	}

	/** The media type of {@code content}, or empty when it is none we accept. */
	static Optional<String> detect(byte[] content) {
		if (startsWith(content, PDF)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(content, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, GIF87) || startsWith(content, GIF89)) {
			return Optional.of("image/gif");
		}
		if (content.length > 12 && startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& Arrays.equals(content, 8, 12, "WEBP".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
			return Optional.of("image/webp");
		}
		if (isPlainText(content) && !isMarkup(content)) {
			return Optional.of("text/plain");
		}
		return Optional.empty();
	}

	/**
	 * HTML and SVG are text, but not inert: a browser runs what they carry. The form asks
	 * for PDF, images and text, so a file whose first character is a tag and that names
	 * an HTML, SVG, XML or script element near its start is refused.
	 */
	static boolean isMarkup(byte[] content) {
		int start = 0;
		if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
				&& (content[2] & 0xff) == 0xbf) {
			start = 3;
		}
		while (start < content.length && Character.isWhitespace(content[start])) {
			start++;
		}
		if (start >= content.length || content[start] != '<') {
			return false;
		}
		String head = new String(content, start, Math.min(1024, content.length - start), StandardCharsets.UTF_8)
			.toLowerCase(java.util.Locale.ROOT);
		return head.startsWith("<?xml") || head.startsWith("<!doctype") || head.contains("<html")
				|| head.contains("<svg") || head.contains("<script") || head.contains("<body")
				|| head.contains("<iframe") || head.contains("<object") || head.contains("<head");
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean isPlainText(byte[] content) {
		if (content.length == 0) {
			return false;
		}
		for (byte b : content) {
			if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
