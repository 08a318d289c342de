package org.abusedesk.transparency.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;
import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.TransparencyReport;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency report for staff: {@code GET /api/v1/transparency/report?from=&to=}
 * ({@code YYYY-MM-DD}, {@code to} included, or ISO instants, {@code to} excluded; by
 * default the year up to today) with {@code format=json} (default), {@code md},
 * {@code csv} or {@code html}; and the statements of reasons the Transparency Database
 * refused, with its answer: {@code GET /api/v1/transparency/statements/refused}. Every
 * staff role.
 */
@RestController
class TransparencyController {

	private static final int REFUSED_LIMIT = 1000;

	private final TransparencyService reports;

	private final ReportRenderer renderer;

	private final StatementStore statements;

	TransparencyController(TransparencyService reports, ReportRenderer renderer, StatementStore statements) {
		this.reports = reports;
		this.renderer = renderer;
		this.statements = statements;
	}

	@GetMapping("/api/v1/transparency/report")
	ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false, defaultValue = "json") String format) throws IOException {
		Period period = period(from, to);
		if (!ReportRenderer.FORMATS.contains(format)) {
			throw new InvalidInputException("format", "invalid", "One of md, json, csv, html.");
		}
		TransparencyReport report = this.reports.report(period);
		if ("json".equals(format)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.renderer.asJson(report));
		}
		StringWriter out = new StringWriter();
		this.renderer.render(report, format, out);
		MediaType type = switch (format) {
			case "md" -> MediaType.parseMediaType("text/markdown;charset=UTF-8");
			case "csv" -> MediaType.parseMediaType("text/csv;charset=UTF-8");
			default -> MediaType.parseMediaType("text/html;charset=UTF-8");
		};
		return ResponseEntity.ok().contentType(type).body(out.toString());
	}

	@GetMapping("/api/v1/transparency/statements/refused")
	Map<String, List<StatementStore.Refused>> refused() {
		return Map.of("statements", this.statements.refused(REFUSED_LIMIT));
	}

	/**
	 * The period, or 422 naming each field that is not a date: without {@code to}, up to
	 * today (included); without {@code from}, the year before {@code to}.
	 */
	static Period period(String givenFrom, String givenTo) {
		String to = (givenTo == null || givenTo.isBlank())
				? java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString() : givenTo;
		String from = givenFrom;
		if (from == null || from.isBlank()) {
			try {
				from = Period.parse(to, to).to().minus(java.time.Duration.ofDays(365)).toString();
			}
			catch (IllegalArgumentException ex) {
				from = "2000-01-01";
			}
		}
		List<FieldError> errors = new ArrayList<>();
		check(errors, "from", from);
		check(errors, "to", to);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		try {
			Period period = Period.parse(from, to);
			if (java.time.Duration.between(period.from(), period.to()).compareTo(TransparencyService.MAX_PERIOD) > 0) {
				throw new InvalidInputException("to", "too_long", "A period covers at most ten years.");
			}
			return period;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("to", "not_after_from", "The period must end after it starts.");
		}
	}

	private static void check(List<FieldError> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", "A date (YYYY-MM-DD) or an ISO instant."));
			return;
		}
		try {
			Period.parse(value, "2999-12-31");
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage().contains("not a date")) {
				errors.add(new FieldError(field, "not_a_date", "A date (YYYY-MM-DD) or an ISO instant."));
			}
		}
	}

}
