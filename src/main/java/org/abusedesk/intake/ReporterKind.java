package org.abusedesk.intake;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** Who the reporter is (DOMAIN.md). */
public enum ReporterKind implements WireValue {

	INDIVIDUAL("individual", true), ORGANISATION("organisation", true), RIGHTS_HOLDER("rights_holder", true),
	TRUSTED_FLAGGER("trusted_flagger", false), LAW_ENFORCEMENT("law_enforcement", false),
	GOVERNMENT("government", false), AUTOMATED_FEED("automated_feed", false);

	private final String wire;

	private final boolean selfDeclared;

	ReporterKind(String wire, boolean selfDeclared) {
		this.wire = wire;
		this.selfDeclared = selfDeclared;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/**
	 * Whether an anonymous reporter may claim this kind. The others are granted by the
	 * operator to a reporter's token, never taken from a request body.
	 */
	public boolean selfDeclared() {
		return this.selfDeclared;
	}

	public static Optional<ReporterKind> fromWire(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static ReporterKind fromJson(String value) {
		return WireValue.read(ReporterKind.class, value);
	}

}
