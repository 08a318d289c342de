package org.abusedesk.catalog;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * How one recipient (a host's or an owner's abuse contact) wants our notices: the format
 * and whether each comes at once or in a digest. Set in the catalog document
 * ({@code delivery} on an account or an origin; docs/catalog-format.md).
 *
 * @param format the message format
 * @param aggregation each notice at once, or a digest every {@code digestMinutes}
 * @param digestMinutes minutes between digests (1 to 1440); 0 when immediate
 */
public record DeliveryPreference(Format format, Aggregation aggregation, int digestMinutes) {

	/** What a recipient without a preference gets: each notice at once, in prose. */
	public static final DeliveryPreference DEFAULT = new DeliveryPreference(Format.PROSE, Aggregation.IMMEDIATE, 0);

	public static final int MAX_DIGEST_MINUTES = 1440;

	public boolean digest() {
		return this.aggregation == Aggregation.DIGEST;
	}

	/** The formats of a notice. */
	public enum Format implements WireValue {

		/** Words for people only. */
		PROSE("prose"),
		/** Words for people, with the report as an X-ARF v4 JSON attachment. */
		PROSE_XARF("prose_xarf"),
		/** A feedback report (RFC 5965) around the words, for mail abuse desks. */
		ARF("arf");

		private final String wire;

		Format(String wire) {
			this.wire = wire;
		}

		@Override
		@JsonValue
		public String wire() {
			return this.wire;
		}

		/** The member whose wire value is exactly {@code value}. */
		public static Optional<Format> fromWire(String value) {
			return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
		}

		/** Reads JSON leniently (see {@link WireValue#parse}). */
		@JsonCreator
		public static Format fromJson(String value) {
			return WireValue.read(Format.class, value);
		}

	}

	/** Each notice at once, or a digest per recipient. */
	public enum Aggregation implements WireValue {

		IMMEDIATE("immediate"), DIGEST("digest");

		private final String wire;

		Aggregation(String wire) {
			this.wire = wire;
		}

		@Override
		@JsonValue
		public String wire() {
			return this.wire;
		}

		/** The member whose wire value is exactly {@code value}. */
		public static Optional<Aggregation> fromWire(String value) {
			return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
		}

		/** Reads JSON leniently (see {@link WireValue#parse}). */
		@JsonCreator
		public static Aggregation fromJson(String value) {
			return WireValue.read(Aggregation.class, value);
		}

	}

}
