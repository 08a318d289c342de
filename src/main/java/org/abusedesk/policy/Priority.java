package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * How urgent a plan, and the case it joins, is: {@code p1} (most urgent) to {@code p4}.
 * The members are declared most urgent first, so their natural order is the queue's; the
 * wire values sort the same way in SQL.
 */
public enum Priority implements WireValue {

	P1("p1"), P2("p2"), P3("p3"), P4("p4");

	private final String wire;

	Priority(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The more urgent of this priority and {@code other}. */
	public Priority mostUrgent(Priority other) {
		return (other.compareTo(this) < 0) ? other : this;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<Priority> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static Priority fromJson(String value) {
		return WireValue.read(Priority.class, value);
	}

}
