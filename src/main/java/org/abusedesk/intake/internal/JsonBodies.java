package org.abusedesk.intake.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Report bodies are JSON in UTF-8 (RFC 8259, section 8.1), and are said to be: a body
 * sent as {@code text/plain}, or in UTF-16 or UTF-32, is refused with 415 instead of
 * being guessed at and stored as something the reporter did not say it was.
 */
final class JsonBodies {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

	private JsonBodies() {
	}

	/**
	 * @throws HttpMediaTypeNotSupportedException when the body is not declared as JSON,
	 * or is not in UTF-8
	 */
	static void requireUtf8Json(HttpServletRequest request, byte[] body) throws HttpMediaTypeNotSupportedException {
		MediaType type;
		try {
			type = MediaType.parseMediaType(request.getContentType());
		}
		catch (RuntimeException ex) {
			throw new HttpMediaTypeNotSupportedException("Send the report as application/json in UTF-8.");
		}
		if (!MediaType.APPLICATION_JSON.includes(type) && !"json".equals(type.getSubtypeSuffix())) {
			throw new HttpMediaTypeNotSupportedException(type, JSON);
		}
		Charset charset = type.getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8) || !looksLikeUtf8(body)) {
			throw new HttpMediaTypeNotSupportedException("Send the report as application/json in UTF-8.");
		}
	}

	/**
	 * UTF-16 and UTF-32 JSON is recognisable by its first bytes: a byte order mark, or a
	 * zero byte beside the first ASCII character (RFC 4627, section 3).
	 */
	private static boolean looksLikeUtf8(byte[] body) {
		if (body.length >= 2 && ((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff
				|| (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe)) {
			return false;
		}
		return body.length < 2 || body[0] != 0 && body[1] != 0;
	}

}
