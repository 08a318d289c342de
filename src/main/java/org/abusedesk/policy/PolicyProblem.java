package org.abusedesk.policy;

/**
 * One thing wrong with a policy document, where it is (1-based line and column; 0 when
 * the problem is about the whole document) and a sentence for people.
 */
public record PolicyProblem(int line, int column, String message) {

	@Override
	public String toString() {
		return this.line + ":" + this.column + ": " + this.message;
	}

}
