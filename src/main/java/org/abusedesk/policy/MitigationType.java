package org.abusedesk.policy;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** The actions the provider can take (DOMAIN.md, "Cases and mitigations"). */
public enum MitigationType implements WireValue {

	PHISHING_INTERSTITIAL("phishing_interstitial"), MALWARE_BLOCK("malware_block"), CONTENT_DISABLE("content_disable"),
	LEGAL_BLOCK("legal_block"), EMERGENCY_BLOCK("emergency_block"), ACCOUNT_SUSPEND("account_suspend"),
	ZONE_TERMINATE("zone_terminate");

	private final String wire;

	MitigationType(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<MitigationType> fromWire(String value) {
		return Arrays.stream(values()).filter((type) -> type.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static MitigationType fromJson(String value) {
		return WireValue.read(MitigationType.class, value);
	}

}
