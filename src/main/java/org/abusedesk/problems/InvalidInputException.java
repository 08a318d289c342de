package org.abusedesk.problems;

import java.util.List;

/**
 * Thrown when a request is invalid; answered as RFC 9457 problem details with status 422
 * and every {@link FieldError} at once.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors);
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String code, String message) {
		this(List.of(new FieldError(field, code, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
