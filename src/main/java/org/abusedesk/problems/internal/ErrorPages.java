package org.abusedesk.problems.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.abusedesk.problems.FieldError;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (404 for a missing page, 405, 400 for an unreadable parameter,
 * a {@code ResponseStatusException}): RFC 9457 problem details for API clients, as Spring
 * Boot's handler answered them, and the error page for a person whose browser asked for
 * HTML. Replaces Boot's {@code ProblemDetailsExceptionHandler}. Errors that reach the
 * container ({@code /error}: a 403 of the security chains, a server error) are answered
 * the same way by {@link ContainerErrors}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ErrorPages extends ResponseEntityExceptionHandler {

	private final ITemplateEngine templates;

	ErrorPages(ITemplateEngine templates) {
		this.templates = templates;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (!wantsPage(request)) {
			return super.handleExceptionInternal(ex, body, headers, statusCode, request);
		}
		HttpHeaders page = new HttpHeaders();
		List<String> allow = headers.get(HttpHeaders.ALLOW);
		if (allow != null) {
			page.put(HttpHeaders.ALLOW, allow);
		}
		String html = this.templates.process("error",
				new Context(Locale.ENGLISH, Map.of("status", statusCode.value())));
		return ResponseEntity.status(statusCode).headers(page).contentType(MediaType.TEXT_HTML).body(html);
	}

	/**
	 * A query parameter that is not of its type ({@code ?limit=x},
	 * {@code ?after=99999999999999999999}) is a field error like one out of range, naming
	 * the parameter; a path variable that is not ({@code /cases/abc}) stays a bad
	 * request.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(RequestParam.class) && !wantsPage(request)) {
			return handleExceptionInternal(ex, ProblemAdvice.invalid(List.of(queryError(mismatch))), headers,
					HttpStatus.UNPROCESSABLE_CONTENT, request);
		}
		return super.handleTypeMismatch(ex, headers, status, request);
	}

	private static FieldError queryError(MethodArgumentTypeMismatchException ex) {
		String value = String.valueOf(ex.getValue());
		boolean whole = ProblemAdvice.wholeNumber(ex.getRequiredType());
		if (whole && value.strip().matches("[+-]?\\d+")) {
			return new FieldError(ex.getName(), "out_of_range", "This number is too large.");
		}
		if (whole) {
			return new FieldError(ex.getName(), "invalid_type", "A whole number.");
		}
		return new FieldError(ex.getName(), "invalid", "This value cannot be read.");
	}

	/**
	 * A person in a browser: the request asks for HTML by name (API clients send JSON or
	 * nothing; htmx asks for anything) and is not for the API.
	 */
	static boolean wantsPage(WebRequest request) {
		String path = (request instanceof NativeWebRequest web
				&& web.getNativeRequest() instanceof jakarta.servlet.http.HttpServletRequest http)
						? http.getRequestURI() : "";
		return wantsPage(request.getHeader(HttpHeaders.ACCEPT), path);
	}

	static boolean wantsPage(@Nullable String accept, String path) {
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !path.startsWith("/api/");
	}

}
