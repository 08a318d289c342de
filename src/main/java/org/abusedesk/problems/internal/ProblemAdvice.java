package org.abusedesk.problems.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.problems.PayloadTooLargeException;
import org.abusedesk.problems.TooManyRequestsException;
import org.abusedesk.problems.UnauthorizedException;

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
		return invalid(List.of(new FieldError("", "invalid_json", "The request body is not valid JSON.")));
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

	private static ProblemDetail invalid(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
