package org.abusedesk.intake.internal;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.abusedesk.intake.ReporterMessages;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The status of a report, for its reporter: tracking code plus the secret from the
 * receipt. A wrong secret and an unknown code get the same answer, so codes cannot be
 * probed.
 */
@RestController
class ReportStatusController {

	record ReportStatusView(String trackingCode, String type, String status, String denialReason, String duplicateOf,
			Instant receivedAt, Instant decidedAt, List<ReporterMessages.Message> messages) {
	}

	private final JdbcClient jdbc;

	private final ReporterMessages messages;

	ReportStatusController(JdbcClient jdbc, ReporterMessages messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@GetMapping(path = "/api/v1/reports/status/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
	ReportStatusView status(@PathVariable String trackingCode, @RequestParam(required = false) String secret) {
		return find(trackingCode, secret);
	}

	/**
	 * The same status for a person in a browser (the link in the receipt): what happened
	 * in words, the messages we sent, and how to contest a decision. An unknown code or a
	 * wrong secret answers the same 404 page.
	 */
	@GetMapping(path = "/api/v1/reports/status/{trackingCode}", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(@PathVariable String trackingCode, @RequestParam(required = false) String secret,
			HttpServletResponse response) {
		// a page for people: its own stylesheet, nothing else; the link holds the secret,
		// so no Referer ever carries it away
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; "
				+ "base-uri 'none'; form-action 'self'");
		response.setHeader("Referrer-Policy", "no-referrer");
		ReportStatusView view;
		try {
			view = find(trackingCode, secret);
		}
		catch (ResponseStatusException ex) {
			ModelAndView missing = new ModelAndView("report/status-missing");
			missing.setStatus(HttpStatus.NOT_FOUND);
			return missing;
		}
		ModelAndView page = new ModelAndView("report/status");
		page.addObject("report", view);
		page.addObject("words", ReportStatusWords.of(view));
		return page;
	}

	private ReportStatusView find(String trackingCode, String secret) {
		record Row(long id, String secretHash, ReportStatusView view) {
		}
		Row row = this.jdbc.sql("""
				select r.id, r.status_secret_hash, r.tracking_code, r.type, r.status, r.denial_reason,
				       o.tracking_code as duplicate_of, r.received_at, r.decided_at
				from report r left join report o on o.id = r.duplicate_of
				where r.tracking_code = :code""")
			.param("code", trackingCode)
			.query((rs,
					n) -> new Row(rs.getLong("id"), rs.getString("status_secret_hash"),
							new ReportStatusView(rs.getString("tracking_code"), rs.getString("type"),
									rs.getString("status"), rs.getString("denial_reason"), rs.getString("duplicate_of"),
									rs.getTimestamp("received_at").toInstant(),
									(rs.getTimestamp("decided_at") != null) ? rs.getTimestamp("decided_at").toInstant()
											: null,
									List.of())))
			.optional()
			.filter((candidate) -> StatusSecrets.matches(secret, candidate.secretHash()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No report with that tracking code and secret."));
		ReportStatusView view = row.view();
		return new ReportStatusView(view.trackingCode(), view.type(), view.status(), view.denialReason(),
				view.duplicateOf(), view.receivedAt(), view.decidedAt(), this.messages.of(row.id()));
	}

}
