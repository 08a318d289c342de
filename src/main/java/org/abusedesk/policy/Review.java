package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** Whether, and by whom, a person must review a plan before it takes effect. */
public enum Review implements WireValue {

	NONE("none"), ONE("one"), TWO_DISTINCT_APPROVERS("two_distinct_approvers"), SENIOR("senior");

	private final String wire;

	Review(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<Review> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static Review fromJson(String value) {
		return WireValue.read(Review.class, value);
	}

}
