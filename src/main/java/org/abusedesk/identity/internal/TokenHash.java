package org.abusedesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

final class TokenHash {

	private static final SecureRandom random = new SecureRandom();

	private TokenHash() {
	}

	static String of(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return "adk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
