package org.abusedesk.problems.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The errors that reach the container ({@code /error}): a server error, a 403 of the
 * console's security chain. Replaces Boot's error controller, whose JSON was not RFC
 * 9457: a person whose browser asked for HTML gets the error page, an API client (and
 * every request under {@code /api/}) problem details. Nothing about the failure is shown.
 */
@Controller
class ContainerErrors implements ErrorController {

	private final ITemplateEngine templates;

	ContainerErrors(ITemplateEngine templates) {
		this.templates = templates;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (ErrorPages.wantsPage(request.getHeader(HttpHeaders.ACCEPT), (path != null) ? path.toString() : "")) {
			String html = this.templates.process("error",
					new Context(Locale.ENGLISH, Map.of("status", status.value())));
			return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		if (path != null) {
			problem.put("instance", path.toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
