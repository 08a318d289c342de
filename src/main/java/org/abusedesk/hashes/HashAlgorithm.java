package org.abusedesk.hashes;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** How a known-content hash was computed. */
public enum HashAlgorithm implements WireValue {

	/** MD5 of the file's bytes: exact matches only. */
	MD5("md5", 32),
	/** SHA-256 of the file's bytes: exact matches only. */
	SHA256("sha256", 64),
	/** PDQ of an image: matches within a Hamming distance. */
	PDQ("pdq", 64);

	private final String wire;

	private final int hexDigits;

	HashAlgorithm(String wire, int hexDigits) {
		this.wire = wire;
		this.hexDigits = hexDigits;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** How many hex digits a value of this algorithm has. */
	public int hexDigits() {
		return this.hexDigits;
	}

	public static Optional<HashAlgorithm> fromWire(String value) {
		return WireValue.parse(HashAlgorithm.class, value);
	}

}
