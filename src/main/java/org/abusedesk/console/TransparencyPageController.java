package org.abusedesk.console;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.abusedesk.transparency.Period;
import org.abusedesk.transparency.TransparencyReport;
import org.abusedesk.transparency.TransparencyReports;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The transparency report for staff (issue #14, docs/console.md): a period picker, every
 * section of the report drawn as charts by the server, and the report to download as
 * Markdown, JSON, CSV or HTML, the same as {@code abusedesk transparency report} and
 * {@code GET /api/v1/transparency/report}. Every staff role.
 */
@Controller
class TransparencyPageController {

	static final List<String> FORMATS = List.of("md", "json", "csv", "html");

	private final TransparencyReports reports;

	TransparencyPageController(TransparencyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/console/transparency")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication authentication, Model model) {
		model.addAttribute("me", ConsoleActor.of(authentication));
		String toDay = blank(to) ? LocalDate.now(ZoneOffset.UTC).toString() : to.strip();
		String fromDay = blank(from) ? yearBefore(toDay) : from.strip();
		model.addAttribute("from", fromDay);
		model.addAttribute("to", toDay);
		model.addAttribute("formats", FORMATS);
		try {
			TransparencyReport report = this.reports.report(Period.parse(fromDay, toDay));
			model.addAttribute("report", report);
			model.addAttribute("sections", ReportCharts.of(report));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("sections", List.of());
		}
		return "console/transparency";
	}

	@GetMapping("/console/transparency/report")
	ResponseEntity<String> download(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "md") String format)
			throws IOException {
		if (!FORMATS.contains(format)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: one of " + FORMATS);
		}
		Period period;
		TransparencyReport report;
		try {
			period = Period.parse(from, to);
			report = this.reports.report(period);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		StringWriter out = new StringWriter();
		this.reports.render(report, format, out);
		MediaType type = switch (format) {
			case "md" -> MediaType.parseMediaType("text/markdown;charset=UTF-8");
			case "json" -> MediaType.APPLICATION_JSON;
			case "csv" -> MediaType.parseMediaType("text/csv;charset=UTF-8");
			default -> MediaType.parseMediaType("text/html;charset=UTF-8");
		};
		String name = "transparency-" + LocalDate.ofInstant(period.from(), ZoneOffset.UTC) + "-"
				+ LocalDate.ofInstant(period.to().minusSeconds(1), ZoneOffset.UTC) + "." + format;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(out.toString());
	}

	private static String yearBefore(String toDay) {
		try {
			return LocalDate.parse(toDay).minusDays(364).toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return LocalDate.now(ZoneOffset.UTC).minusDays(364).toString();
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
