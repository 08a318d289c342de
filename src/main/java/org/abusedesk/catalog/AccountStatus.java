package org.abusedesk.catalog;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/**
 * Where a customer account stands with the provider (DOMAIN.md), as the catalog document
 * says. The {@code account} table's check constraint (V2) holds the same set.
 */
public enum AccountStatus implements WireValue {

	ACTIVE("active"), SUSPENDED("suspended"), TERMINATED("terminated");

	private final String wire;

	AccountStatus(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	/** The member whose wire value is exactly {@code value}. */
	public static Optional<AccountStatus> fromWire(String value) {
		return Arrays.stream(values()).filter((candidate) -> candidate.wire.equals(value)).findFirst();
	}

	/** Reads JSON leniently (see {@link WireValue#parse}). */
	@JsonCreator
	public static AccountStatus fromJson(String value) {
		return WireValue.read(AccountStatus.class, value);
	}

}
