package org.abusedesk.appeals.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.appeals.AppealReason;
import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

/**
 * What an appellant says: a reason, a statement, and optional evidence (links, a
 * description of what changed), as sent.
 *
 * @param reason {@code removed} (I removed the content), {@code misclassified} (it is not
 * what the report says) or {@code other}; a reporter cannot say {@code removed}
 */
record AppealForm(String reason, String statement, String evidence) {

	static final List<AppealReason> CUSTOMER_REASONS = List.of(AppealReason.values());

	static final List<AppealReason> REPORTER_REASONS = List.of(AppealReason.MISCLASSIFIED, AppealReason.OTHER);

	static final int MAX_TEXT = 5000;

	/**
	 * The form checked and stripped, or every problem at once.
	 * @param reasons the reasons this appellant may give
	 * @param more problems the caller found already, reported with the form's own
	 * @throws InvalidInputException for a missing or unknown reason, a missing statement,
	 * a text over {@value #MAX_TEXT} characters
	 */
	Checked checked(List<AppealReason> reasons, List<FieldError> more) {
		List<FieldError> errors = new ArrayList<>(more);
		String allowed = "One of: " + String.join(", ", reasons.stream().map(AppealReason::wire).toList()) + ".";
		AppealReason given = null;
		if (this.reason == null || this.reason.isBlank()) {
			errors.add(new FieldError("reason", "required", allowed));
		}
		else {
			given = AppealReason.fromWire(this.reason.strip()).filter(reasons::contains).orElse(null);
			if (given == null) {
				errors.add(new FieldError("reason", "invalid", allowed));
			}
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
		return new Checked(given, said, shown);
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * An appeal's grounds once checked.
	 *
	 * @param statement the statement, stripped
	 * @param evidence the evidence, stripped, or {@code null}
	 */
	record Checked(AppealReason reason, String statement, String evidence) {

	}

}
