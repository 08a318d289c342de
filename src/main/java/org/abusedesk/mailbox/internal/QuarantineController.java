package org.abusedesk.mailbox.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.abusedesk.intake.MailOutcome;
import org.abusedesk.mailbox.MailTriage;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the abuse mailbox could not file, for staff to read and handle by hand. */
@RestController
class QuarantineController {

	static final int MAX_PAGE = 200;

	private final MailStore store;

	private final MailTriage triage;

	QuarantineController(MailStore store, MailTriage triage) {
		this.store = store;
		this.triage = triage;
	}

	/**
	 * @param type every target's type ({@code general}, {@code phishing},
	 * {@code children}); absent to file the message as read
	 */
	record Release(String type) {

	}

	/**
	 * Files a quarantined message again, as a person decided: outside its sender's rate
	 * budget, every URL as the type given. It may be quarantined again, with the reason.
	 */
	@PostMapping("/api/v1/intake/quarantine/{id}/release")
	MailOutcome release(@PathVariable long id, @RequestBody(required = false) Release release,
			Authentication authentication) {
		ReportType type = null;
		if (release != null && release.type() != null) {
			type = ReportType.fromWire(release.type())
				.orElseThrow(() -> new InvalidInputException("type", "unsupported_type",
						"There is no report type '" + release.type() + "'."));
		}
		return this.triage.release(id, type, authentication.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No quarantined message " + id));
	}

	/**
	 * @param messages newest first
	 * @param failures per sender and day over the last week
	 * @param nextBefore pass as {@code before} for the next page; null on the last
	 */
	record QuarantinePage(List<MailTriage.QuarantinedMessage> messages, List<MailStore.FailureRow> failures,
			Long nextBefore) {

	}

	@GetMapping("/api/v1/intake/quarantine")
	QuarantinePage list(@RequestParam(defaultValue = "9223372036854775807") long before,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and " + MAX_PAGE + ".");
		}
		List<MailTriage.QuarantinedMessage> rows = this.store.quarantined(before, limit);
		Long next = (rows.size() == limit) ? rows.get(rows.size() - 1).id() : null;
		return new QuarantinePage(rows, this.store.failures(LocalDate.now(ZoneOffset.UTC).minusDays(7)), next);
	}

	/**
	 * The original message, as an attachment: it is hostile input and must not be
	 * rendered by the browser.
	 */
	@GetMapping("/api/v1/intake/quarantine/{id}")
	ResponseEntity<byte[]> original(@PathVariable long id) {
		byte[] raw = this.store.quarantinedRaw(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No quarantined message " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mail_message-" + id + ".eml").build().toString())
			.body(raw);
	}

}
