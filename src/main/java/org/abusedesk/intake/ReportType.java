package org.abusedesk.intake;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** Report types (DOMAIN.md) with their wire values. */
public enum ReportType implements WireValue {

	DMCA("dmca"), TRADEMARK("trademark"), PHISHING("phishing"), CHILDREN("children"), NCSEI("ncsei"), THREAT("threat"),
	PRIVACY("privacy"), GENERAL("general"), LEGAL_ORDER("legal_order"), REGISTRAR_WHOIS("registrar_whois");

	private final String wire;

	ReportType(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** Whether the reporter may ask that the owner is not told at all. */
	public boolean allowsNoOwnerNotice() {
		return this == GENERAL || this == CHILDREN || this == NCSEI || this == REGISTRAR_WHOIS;
	}

	public static Optional<ReportType> fromWire(String value) {
		return Arrays.stream(values()).filter((type) -> type.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static ReportType fromJson(String value) {
		return WireValue.read(ReportType.class, value);
	}

}
