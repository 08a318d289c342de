package org.abusedesk.appeals;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * Why a decision is contested (DOMAIN.md, Redress): {@code removed} (the customer removed
 * the content), {@code misclassified} (it is not what the report says) or {@code other}.
 * A customer's review request gives one of the first two
 * ({@link CustomerReviews#REASONS}); a customer's appeal any of them; a reporter's appeal
 * {@code misclassified} or {@code other}. The {@code appeal} table's check constraint
 * (V130) holds the same set.
 */
public enum AppealReason implements WireValue {

	REMOVED("removed"), MISCLASSIFIED("misclassified"), OTHER("other");

	private final String wire;

	AppealReason(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<AppealReason> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static AppealReason fromJson(String value) {
		return WireValue.read(AppealReason.class, value);
	}

}
