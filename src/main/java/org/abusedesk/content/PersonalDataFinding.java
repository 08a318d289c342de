package org.abusedesk.content;

/**
 * One piece of personal data found in a text.
 *
 * @param kind what it is
 * @param start index of its first character in the text searched
 * @param end index just past its last character ({@code text.substring(start, end)} is
 * the finding)
 * @param confidence how sure the detector is, from 0 to 1
 * @param why the rule that found it, in words a reviewer can check (for a phone number,
 * its region; for an identity number, which number and which check held)
 */
public record PersonalDataFinding(PersonalDataKind kind, int start, int end, double confidence, String why) {

	public PersonalDataFinding {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("Bad span " + start + ".." + end);
		}
	}

	/** Whether this finding shares at least one character with {@code other}. */
	public boolean overlaps(PersonalDataFinding other) {
		return this.start < other.end && other.start < this.end;
	}

	/** Whether this finding shares at least one character with the span. */
	public boolean overlaps(int start, int end) {
		return this.start < end && start < this.end;
	}

}
