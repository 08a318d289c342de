package org.abusedesk.problems.internal;

import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.problems.PayloadTooLargeException;
import org.abusedesk.problems.TooManyRequestsException;
import org.abusedesk.problems.UnauthorizedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers invalid requests as RFC 9457 problem details with the list of field errors. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	/**
	 * character_not_in_repertoire (a NUL in text), untranslatable_character (in jsonb).
	 */
	private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(ex.errors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				// a body of unknown length passed its limit while it was read
				return tooLarge(tooLarge);
			}
		}
		if (ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
			// no body, or the JSON null
			return invalid(List.of(new FieldError("", "required", "The request body is missing: send a JSON object.")));
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MismatchedInputException mismatch) {
				return invalid(List.of(mismatched(mismatch)));
			}
			if (cause instanceof InputCoercionException coercion && !coercion.getPath().isEmpty()) {
				return invalid(List.of(new FieldError(field(coercion), "out_of_range",
						"This number is " + (coercion.getInputType() == JsonToken.VALUE_NUMBER_FLOAT
								? "not a whole number or is out of range." : "out of range."))));
			}
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return invalid(List.of(new FieldError(field(databind), "invalid", "This value cannot be read.")));
			}
		}
		return invalid(List.of(new FieldError("", "invalid_json", "The request body is not valid JSON.")));
	}

	/**
	 * Valid JSON of the wrong kind: the body as a whole (an array, a string, {@code null}
	 * where an object belongs), or one field of it, named by its path as the errors of
	 * the hand-written readers name them ({@code reporter.kind}, {@code urls[2]}).
	 */
	private static FieldError mismatched(MismatchedInputException ex) {
		if (ex.getPath().isEmpty()) {
			return new FieldError("", "invalid_json", "The request body must be a JSON object.");
		}
		return new FieldError(field(ex), "invalid_type", "This field must be " + kind(ex.getTargetType()) + ".");
	}

	private static String kind(@Nullable Class<?> target) {
		if (target == null) {
			return "of another type";
		}
		if (target == String.class || target.isEnum() || target == Character.class || target == char.class) {
			return "a string";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "true or false";
		}
		if (wholeNumber(target) || target == java.math.BigInteger.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			return "a number";
		}
		if (Collection.class.isAssignableFrom(target) || target.isArray()) {
			return "a list";
		}
		if (Temporal.class.isAssignableFrom(target) || target == java.time.Duration.class) {
			return "a string";
		}
		return "an object";
	}

	/** Whether {@code type} holds whole numbers of a fixed size (int, long, short). */
	static boolean wholeNumber(@Nullable Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class;
	}

	/** The JSON path of the value, {@code a.b[2].c}. */
	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * Text PostgreSQL cannot hold (a NUL character) that an endpoint's own checks let
	 * through: the transaction rolled back, and the client hears what to change instead
	 * of a 500. Any other refusal by the database stays a server error.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail unstorableText(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
			return invalid(List
				.of(new FieldError("", "invalid_character", "Text may not contain the NUL character (U+0000).")));
		}
		throw ex;
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Request too large");
		return problem;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler(UnauthorizedException.class)
	ProblemDetail unauthorized(UnauthorizedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Unauthorized");
		return problem;
	}

	static ProblemDetail invalid(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
