package org.abusedesk.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * Where a case stands (DOMAIN.md), with the moves a case may make, in one place. The
 * repository that writes {@code abuse_case} refuses any other move.
 */
public enum CaseStatus implements WireValue {

	NEW("new"), TRIAGE("triage"), AWAITING_CUSTOMER("awaiting_customer"), IN_REVIEW("in_review"),
	AWAITING_APPROVAL("awaiting_approval"), ACTIONED("actioned"), FORWARDED("forwarded"), REJECTED("rejected"),
	APPEALED("appealed"), CLOSED("closed");

	/** The statuses of cases that wait for a person (the queue). */
	public static final Set<CaseStatus> OPEN = EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER, AWAITING_APPROVAL,
			APPEALED);

	/** The statuses from which a person may decide the case (accept, change, deny). */
	public static final Set<CaseStatus> DECIDABLE = EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER, APPEALED,
			FORWARDED);

	private final String wire;

	CaseStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** Whether a case may move from this status to {@code next} (staying is a move). */
	public boolean mayBecome(CaseStatus next) {
		return this == next || next.from().contains(this);
	}

	/** The statuses a case may reach this one from. */
	private Set<CaseStatus> from() {
		return switch (this) {
			case NEW -> EnumSet.noneOf(CaseStatus.class);
			// a report that needs review joins a forwarded or actioned case
			case TRIAGE -> EnumSet.of(NEW, FORWARDED, ACTIONED);
			// a claim, an escalation, a customer's review request, a review date, an
			// emergency refused, a reporter's appeal
			case IN_REVIEW -> EnumSet.of(NEW, TRIAGE, AWAITING_CUSTOMER, AWAITING_APPROVAL, ACTIONED, FORWARDED,
					APPEALED, REJECTED, CLOSED);
			case AWAITING_CUSTOMER -> EnumSet.of(NEW, TRIAGE, IN_REVIEW);
			case AWAITING_APPROVAL -> EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER, FORWARDED, APPEALED);
			case ACTIONED ->
				EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER, AWAITING_APPROVAL, FORWARDED, APPEALED);
			case FORWARDED -> EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER);
			case REJECTED ->
				EnumSet.of(NEW, TRIAGE, IN_REVIEW, AWAITING_CUSTOMER, AWAITING_APPROVAL, FORWARDED, APPEALED);
			case APPEALED -> EnumSet.of(ACTIONED, REJECTED, CLOSED, FORWARDED);
			case CLOSED -> EnumSet.complementOf(EnumSet.of(CLOSED));
		};
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<CaseStatus> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static CaseStatus fromJson(String value) {
		return WireValue.read(CaseStatus.class, value);
	}

}
