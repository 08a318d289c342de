package org.abusedesk.mailbox.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One leaf of a message, decoded from its transfer encoding: a body part, an attached
 * message (as its raw bytes), or an entry of a zip attachment.
 *
 * @param contentType the declared content type, as given ({@code text/plain} when none)
 * @param fileName the file name, or {@code null}
 * @param body the decoded bytes
 * @param depth how deep in the MIME tree it sits (the message body is 0)
 */
record MailPart(String contentType, String fileName, byte[] body, int depth) {

	private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	String baseType() {
		int semicolon = this.contentType.indexOf(';');
		String base = (semicolon < 0) ? this.contentType : this.contentType.substring(0, semicolon);
		return base.strip().toLowerCase(Locale.ROOT);
	}

	boolean hasFileName(String regex) {
		return this.fileName != null && this.fileName.toLowerCase(Locale.ROOT).matches(regex);
	}

	boolean isText() {
		String base = baseType();
		return base.startsWith("text/") || base.equals("message/feedback-report") || base.equals("application/json")
				|| base.contains("yaml");
	}

	/**
	 * The body as text: in its declared charset when Java knows it; else UTF-8 when the
	 * bytes are valid UTF-8; else windows-1252, which decodes any byte (senders that
	 * declare nothing mostly mean one of the two).
	 */
	String text() {
		Matcher matcher = CHARSET.matcher(this.contentType);
		if (matcher.find()) {
			try {
				return new String(this.body,
						Charset.forName(jakarta.mail.internet.MimeUtility.javaCharset(matcher.group(1))));
			}
			catch (RuntimeException ex) {
				// unknown or illegal charset name: guess as if none was declared
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(this.body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(this.body, WINDOWS_1252);
		}
	}

}
