package org.abusedesk.mitigations;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * Where a mitigation stands (DOMAIN.md): {@code pending} until its effective time (the
 * customer's grace period), then {@code active}; {@code cancelled} when a pending one is
 * withdrawn, {@code removed} when an active one lapses or is lifted. {@code in_review} is
 * left only on rows from before a customer's review request stopped changing the status.
 * The {@code mitigation} table's check constraint (V50) holds the same set.
 */
public enum MitigationStatus implements WireValue {

	PENDING("pending"), ACTIVE("active"), IN_REVIEW("in_review"), CANCELLED("cancelled"), REMOVED("removed");

	/**
	 * The statuses in which a customer may request a review (in force or about to be).
	 */
	public static final Set<MitigationStatus> REVIEWABLE = EnumSet.of(PENDING, ACTIVE);

	private final String wire;

	MitigationStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/**
	 * Whether the mitigation is over (cancelled or removed): nothing changes it any more.
	 */
	public boolean ended() {
		return this == CANCELLED || this == REMOVED;
	}

	/** The status a lift moves this one to: a pending mitigation is cancelled. */
	public MitigationStatus lifted() {
		return (this == PENDING) ? CANCELLED : REMOVED;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<MitigationStatus> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static MitigationStatus fromJson(String value) {
		return WireValue.read(MitigationStatus.class, value);
	}

}
