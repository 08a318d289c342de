package org.abusedesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * OpenPGP signatures on a message, for feeds that sign what they send: PGP/MIME (RFC
 * 3156, a {@code multipart/signed} message whose first part is signed exactly as sent) or
 * an inline cleartext signature (RFC 4880, 7). Works on the raw bytes, because a
 * signature covers the bytes, not what a MIME library makes of them. Never throws.
 */
final class PgpSignatures {

	/** What the message carries. */
	enum Result {

		/** No OpenPGP signature. */
		UNSIGNED,
		/** A signature that one of the keys verifies. */
		VALID,
		/**
		 * A signature, but none of the keys verifies it (unknown key, or changed
		 * content).
		 */
		INVALID

	}

	private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(\"([^\"]+)\"|([^;\\s]+))");

	private static final String CLEARTEXT_BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----";

	private static final String SIGNATURE_BEGIN = "-----BEGIN PGP SIGNATURE-----";

	private static final String SIGNATURE_END = "-----END PGP SIGNATURE-----";

	private PgpSignatures() {
	}

	/** Reads ASCII-armoured public keys. */
	static PGPPublicKeyRingCollection keys(InputStream armoured) throws IOException {
		try {
			return new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(armoured),
					new JcaKeyFingerprintCalculator());
		}
		catch (PGPException ex) {
			throw new IOException("Not an OpenPGP public key: " + ex.getMessage(), ex);
		}
	}

	static Result check(byte[] raw, PGPPublicKeyRingCollection keys) {
		try {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			Optional<Signed> signed = pgpMime(text).or(() -> cleartext(text));
			if (signed.isEmpty()) {
				return Result.UNSIGNED;
			}
			return verifies(signed.get(), keys) ? Result.VALID : Result.INVALID;
		}
		catch (RuntimeException | IOException | PGPException ex) {
			return Result.INVALID;
		}
	}

	/** Signed content (canonical, as the signer hashed it) and its armoured signature. */
	private record Signed(byte[] content, String signature) {
	}

	private static boolean verifies(Signed signed, PGPPublicKeyRingCollection keys) throws IOException, PGPException {
		JcaPGPObjectFactory factory = new JcaPGPObjectFactory(PGPUtil
			.getDecoderStream(new ByteArrayInputStream(signed.signature().getBytes(StandardCharsets.US_ASCII))));
		Object object = factory.nextObject();
		if (!(object instanceof PGPSignatureList signatures)) {
			return false;
		}
		for (PGPSignature signature : signatures) {
			PGPPublicKey key = keys.getPublicKey(signature.getKeyID());
			if (key == null) {
				continue;
			}
			signature.init(new JcaPGPContentVerifierBuilderProvider(), key);
			signature.update(signed.content());
			if (signature.verify()) {
				return true;
			}
		}
		return false;
	}

	/** A {@code multipart/signed; protocol="application/pgp-signature"} message. */
	private static Optional<Signed> pgpMime(String message) {
		int headerEnd = headerEnd(message);
		String headers = message.substring(0, headerEnd).replaceAll("\r?\n[ \t]+", " ");
		Matcher contentType = Pattern.compile("(?im)^content-type:(.*)$").matcher(headers);
		if (!contentType.find()) {
			return Optional.empty();
		}
		String value = contentType.group(1).toLowerCase(Locale.ROOT);
		if (!value.contains("multipart/signed") || !value.contains("application/pgp-signature")) {
			return Optional.empty();
		}
		Matcher boundary = BOUNDARY.matcher(contentType.group(1));
		if (!boundary.find()) {
			return Optional.empty();
		}
		String delimiter = "--" + ((boundary.group(2) != null) ? boundary.group(2) : boundary.group(3));
		List<String> parts = parts(message.substring(headerEnd), delimiter);
		if (parts.size() < 2) {
			return Optional.empty();
		}
		String signaturePart = parts.get(1);
		int start = signaturePart.indexOf(SIGNATURE_BEGIN);
		int end = signaturePart.indexOf(SIGNATURE_END);
		if (start < 0 || end < 0) {
			return Optional.empty();
		}
		return Optional.of(new Signed(crlf(parts.get(0)).getBytes(StandardCharsets.ISO_8859_1),
				signaturePart.substring(start, end + SIGNATURE_END.length())));
	}

	/**
	 * The parts between delimiter lines: each from after its delimiter line to before the
	 * line break that precedes the next delimiter (RFC 2046 5.1.1).
	 */
	private static List<String> parts(String body, String delimiter) {
		List<String> parts = new ArrayList<>();
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(delimiter) + "(--)?[ \t]*\r?$").matcher(body);
		int contentStart = -1;
		while (line.find()) {
			if (contentStart >= 0) {
				int end = line.start();
				if (end >= 2 && body.startsWith("\r\n", end - 2)) {
					end -= 2;
				}
				else if (end >= 1 && body.charAt(end - 1) == '\n') {
					end -= 1;
				}
				parts.add(body.substring(contentStart, Math.max(contentStart, end)));
			}
			if (line.group(1) != null) {
				break;
			}
			int afterLine = line.end();
			contentStart = body.startsWith("\r\n", afterLine) ? afterLine + 2
					: (afterLine < body.length() && body.charAt(afterLine) == '\n') ? afterLine + 1 : afterLine;
		}
		return parts;
	}

	/** An inline cleartext signature anywhere in the message. */
	private static Optional<Signed> cleartext(String message) {
		int begin = message.indexOf(CLEARTEXT_BEGIN);
		int signature = message.indexOf(SIGNATURE_BEGIN, Math.max(begin, 0));
		int end = message.indexOf(SIGNATURE_END, Math.max(signature, 0));
		if (begin < 0 || signature < 0 || end < 0) {
			return Optional.empty();
		}
		String[] lines = message.substring(begin, signature).split("\r?\n", -1);
		int i = 1;
		while (i < lines.length && !lines[i].isEmpty()) {
			i++; // armour headers such as "Hash: SHA256"
		}
		List<String> text = new ArrayList<>();
		for (i++; i < lines.length - 1; i++) {
			String line = lines[i].startsWith("- ") ? lines[i].substring(2) : lines[i];
			text.add(withoutTrailingBlanks(line));
		}
		// the line break before the signature belongs to the armour, not to the text
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		byte[] joined = String.join("\r\n", text).getBytes(StandardCharsets.ISO_8859_1);
		content.writeBytes(joined);
		return Optional
			.of(new Signed(content.toByteArray(), message.substring(signature, end + SIGNATURE_END.length())));
	}

	/**
	 * The line without the spaces and tabs that end it, as {@code [ \t]+$} removed them,
	 * in work linear in the line: the pattern tried each blank of a long run inside the
	 * line and read on to its end.
	 */
	static String withoutTrailingBlanks(CharSequence line) {
		int end = line.length();
		while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
			end--;
		}
		return line.subSequence(0, end).toString();
	}

	private static int headerEnd(String message) {
		Matcher blank = Pattern.compile("\r?\n\r?\n").matcher(message);
		return blank.find() ? blank.end() : message.length();
	}

	private static String crlf(String text) {
		return text.replaceAll("\r?\n", "\r\n");
	}

}
