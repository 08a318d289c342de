package org.abusedesk.cases;

/**
 * Case work refused: the case is missing, held by someone else, in a state that does not
 * allow the step, the input is wrong, or the actor's role does not allow it.
 */
public class CaseWorkException extends RuntimeException {

	/** Why the step was refused; maps to 404, 409, 422 and 403. */
	public enum Kind {

		NOT_FOUND, CONFLICT, INVALID, FORBIDDEN

	}

	private final Kind kind;

	public CaseWorkException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public static CaseWorkException notFound(long caseId) {
		return new CaseWorkException(Kind.NOT_FOUND, "No case " + caseId + ".");
	}

}
