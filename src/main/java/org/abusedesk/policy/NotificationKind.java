package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** Outbound messages a response plan can call for (DOMAIN.md). */
public enum NotificationKind implements WireValue {

	FORWARD_TO_HOST("forward_to_host"), NOTIFY_OWNER("notify_owner"), NOTIFY_REPORTER("notify_reporter"),
	NCMEC_REFERRAL("ncmec_referral"), LAW_ENFORCEMENT_REFERRAL("law_enforcement_referral");

	private final String wire;

	NotificationKind(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<NotificationKind> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static NotificationKind fromJson(String value) {
		return WireValue.read(NotificationKind.class, value);
	}

}
