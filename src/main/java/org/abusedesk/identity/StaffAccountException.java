package org.abusedesk.identity;

/**
 * A staff account step that was refused: bad input, an unknown user or token, or a state
 * that does not allow it. The message is written for the person who asked.
 */
public class StaffAccountException extends RuntimeException {

	/** Why the step was refused. */
	public enum Kind {

		/** Bad input: the {@link #field()} says which. */
		INVALID,
		/** No such staff user or live token. */
		NOT_FOUND,
		/** The user exists already, is disabled, or holds another role. */
		CONFLICT

	}

	private final Kind kind;

	private final String field;

	public StaffAccountException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The input at fault ({@code name}, {@code role}, {@code password}, ...). */
	public String field() {
		return this.field;
	}

}
