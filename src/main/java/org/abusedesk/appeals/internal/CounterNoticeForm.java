package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

/**
 * A DMCA counter-notice: the elements of 17 U.S.C. 512(g)(3), each required.
 *
 * @param signature (A) the subscriber's physical or electronic signature (their full name
 * typed as signature)
 * @param material (B) what was removed or disabled
 * @param location (B) where it appeared before it was removed (its URL)
 * @param statementUnderPenaltyOfPerjury (C) true: the subscriber states under penalty of
 * perjury a good-faith belief that the material was removed as a result of mistake or
 * misidentification
 * @param name (D) the subscriber's name
 * @param address (D) their address
 * @param phone (D) their telephone number
 * @param consentToJurisdiction (D) true: they consent to the jurisdiction of the Federal
 * District Court for their address (or any district in which we may be found, outside the
 * United States) and accept service of process from the complainant
 */
record CounterNoticeForm(String signature, String material, String location, Boolean statementUnderPenaltyOfPerjury,
		String name, String address, String phone, Boolean consentToJurisdiction) {

	static final String PERJURY = "I swear, under penalty of perjury, that I have a good faith belief that the "
			+ "material was removed or disabled as a result of mistake or misidentification of the material to be "
			+ "removed or disabled.";

	static final String JURISDICTION = "I consent to the jurisdiction of the Federal District Court for the judicial "
			+ "district in which my address is located, or, if my address is outside the United States, for any "
			+ "judicial district in which the service provider may be found, and I will accept service of process "
			+ "from the person who provided the notification or an agent of such person.";

	static final int MAX_TEXT = 2000;

	/**
	 * The form stripped, or every missing or bad element at once.
	 * @throws InvalidInputException with one field error per element
	 */
	CounterNoticeForm checked() {
		List<FieldError> errors = new ArrayList<>();
		String signature = text(errors, "signature", this.signature, "Your physical or electronic signature.");
		String material = text(errors, "material", this.material, "Identify the material that was removed.");
		String location = text(errors, "location", this.location, "Where the material appeared before removal.");
		if (!Boolean.TRUE.equals(this.statementUnderPenaltyOfPerjury)) {
			errors.add(new FieldError("statement_under_penalty_of_perjury", "required",
					"Must be true: \"" + PERJURY + "\""));
		}
		String name = text(errors, "name", this.name, "Your name.");
		String address = text(errors, "address", this.address, "Your address.");
		String phone = text(errors, "phone", this.phone, "Your telephone number.");
		if (!Boolean.TRUE.equals(this.consentToJurisdiction)) {
			errors.add(new FieldError("consent_to_jurisdiction", "required", "Must be true: \"" + JURISDICTION + "\""));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new CounterNoticeForm(signature, material, location, true, name, address, phone, true);
	}

	private static String text(List<FieldError> errors, String field, String value, String what) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", what));
			return null;
		}
		if (value.strip().length() > MAX_TEXT) {
			errors.add(new FieldError(field, "too_long", "At most " + MAX_TEXT + " characters."));
			return null;
		}
		return value.strip();
	}

}
