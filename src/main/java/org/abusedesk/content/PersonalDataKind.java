package org.abusedesk.content;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.abusedesk.vocabulary.WireValue;

/** What kind of personal data a finding is (the {@code personal_data_kinds} fact). */
public enum PersonalDataKind implements WireValue {

	/** A telephone number valid in its region. */
	PHONE("phone"),
	/** An email address. */
	EMAIL("email"),
	/** A street address: number, street, postcode and city. */
	STREET_ADDRESS("street_address"),
	/** A national identity or social-security number whose checksum or rules hold. */
	NATIONAL_ID("national_id"),
	/** An IBAN whose mod-97 check holds. */
	IBAN("iban"),
	/** A date next to words that say it is someone's birth date. */
	DATE_OF_BIRTH("date_of_birth"),
	/** A latitude and longitude. */
	COORDINATES("coordinates"),
	/** A vehicle licence plate. */
	LICENCE_PLATE("licence_plate");

	private final String wire;

	PersonalDataKind(String wire) {
		this.wire = wire;
	}

	@Override
	@JsonValue
	public String wire() {
		return this.wire;
	}

	public static Optional<PersonalDataKind> fromWire(String value) {
		return WireValue.parse(PersonalDataKind.class, value);
	}

}
