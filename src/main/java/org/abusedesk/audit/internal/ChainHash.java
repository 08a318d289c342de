package org.abusedesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256, as lower-case hex, over an unambiguous encoding of
 * its fields.
 * <p>
 * The encoding is a version tag followed by every field as
 * {@code <UTF-8 byte length>:<bytes>\n}, in the order stream, seq, occurred_at, actor,
 * action, details, prev_hash. The length prefixes keep field boundaries unambiguous
 * ({@code "ab","c"} and {@code "a","bc"} differ), and the time is written with a fixed
 * width in UTC, truncated to the microseconds PostgreSQL stores. Changing any of this
 * breaks every stored chain: add a new version tag instead.
 */
final class ChainHash {

	/** The {@code prev_hash} of the first entry of every stream. */
	static final String GENESIS = "0".repeat(64);

	static final String VERSION = "abusedesk-audit-v1";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ChainHash() {
	}

	static String of(String stream, long seq, Instant occurredAt, String actor, String action, String details,
			String prevHash) {
		return HexFormat.of()
			.formatHex(sha256(encode(stream, seq, occurredAt, actor, action, details, prevHash)
				.getBytes(StandardCharsets.UTF_8)));
	}

	/** The text that is hashed; exposed so that tests can pin the format. */
	static String encode(String stream, long seq, Instant occurredAt, String actor, String action, String details,
			String prevHash) {
		StringBuilder text = new StringBuilder(VERSION).append('\n');
		for (String field : new String[] { stream, Long.toString(seq), time(occurredAt), actor, action, details,
				prevHash }) {
			text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
		}
		return text.toString();
	}

	static String time(Instant instant) {
		return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
