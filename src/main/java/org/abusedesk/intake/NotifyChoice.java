package org.abusedesk.intake;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** What the reporter chose for one recipient of a forwarded report. */
public enum NotifyChoice implements WireValue {

	/** Forward with the reporter's name and contact. */
	SEND("send"),
	/** Forward without anything that identifies the reporter. */
	SEND_ANON("send-anon"),
	/** Do not tell this recipient at all. */
	NONE("none");

	private final String wire;

	NotifyChoice(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<NotifyChoice> fromWire(String value) {
		return Arrays.stream(values()).filter((choice) -> choice.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static NotifyChoice fromJson(String value) {
		return WireValue.read(NotifyChoice.class, value);
	}

}
