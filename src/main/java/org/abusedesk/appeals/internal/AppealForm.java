package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

/**
 * What an appellant says: a reason, a statement, and optional evidence (links, a
 * description of what changed).
 *
 * @param reason {@code removed} (I removed the content), {@code misclassified} (it is not
 * what the report says) or {@code other}; a reporter cannot say {@code removed}
 */
record AppealForm(String reason, String statement, String evidence) {

	static final List<String> CUSTOMER_REASONS = List.of("removed", "misclassified", "other");

	static final List<String> REPORTER_REASONS = List.of("misclassified", "other");

	static final int MAX_TEXT = 5000;

	/**
	 * The form stripped, or every problem at once.
	 * @throws InvalidInputException for a missing or unknown reason, a missing statement,
	 * a text over {@value #MAX_TEXT} characters
	 */
	AppealForm checked(List<String> reasons, List<FieldError> more) {
		List<FieldError> errors = new ArrayList<>(more);
		if (this.reason == null || this.reason.isBlank()) {
			errors.add(new FieldError("reason", "required", "One of: " + String.join(", ", reasons) + "."));
		}
		else if (!reasons.contains(this.reason.strip())) {
			errors.add(new FieldError("reason", "invalid", "One of: " + String.join(", ", reasons) + "."));
		}
		String said = strip(this.statement);
		if (said == null) {
			errors.add(new FieldError("statement", "required", "Say why the decision is wrong."));
		}
		else if (said.length() > MAX_TEXT) {
			errors.add(new FieldError("statement", "too_long", "At most " + MAX_TEXT + " characters."));
		}
		String shown = strip(this.evidence);
		if (shown != null && shown.length() > MAX_TEXT) {
			errors.add(new FieldError("evidence", "too_long", "At most " + MAX_TEXT + " characters."));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new AppealForm(this.reason.strip(), said, shown);
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
