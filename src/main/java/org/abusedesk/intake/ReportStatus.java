package org.abusedesk.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** The status a reporter sees. */
public enum ReportStatus implements WireValue {

	SUBMITTED("submitted"), ACCEPTED("accepted"), DENIED("denied");

	private final String wire;

	ReportStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static ReportStatus fromJson(String value) {
		return WireValue.read(ReportStatus.class, value);
	}

}
