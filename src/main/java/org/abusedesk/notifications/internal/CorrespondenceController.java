package org.abusedesk.notifications.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.notifications.CaseLetters;

import org.abusedesk.access.Role;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's correspondence: what the host, the owner and the reporter wrote back. What a
 * reporter wrote names them, so only the roles that see reporters (senior, legal, admin)
 * see its sender and words. Staff also write to a reporter or the customer from the case,
 * from a template ({@link CaseLetters}), through the outbox.
 */
@RestController
class CorrespondenceController {

	private final CorrespondenceStore store;

	private final CaseLetters letters;

	CorrespondenceController(CorrespondenceStore store, CaseLetters letters) {
		this.store = store;
		this.letters = letters;
	}

	/**
	 * A letter to write: to the {@code reporter} of {@code report_id} or to the
	 * {@code customer}; {@code key} names it once (a retry with the same key sends
	 * nothing more).
	 */
	record NewLetter(String party, Long reportId, String subject, String body, String key) {
	}

	record LetterQueued(String recipient, String status) {
	}

	@GetMapping("/api/v1/cases/{id}/correspondence/templates")
	Map<String, List<CaseLetters.Template>> templates(@PathVariable long id) {
		CaseLetters.Recipients recipients = this.letters.recipients(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id));
		return Map.of("reporter", this.letters.templates("reporter", recipients.reportType()), "customer",
				this.letters.templates("customer", recipients.reportType()));
	}

	@PostMapping("/api/v1/cases/{id}/correspondence")
	@ResponseStatus(HttpStatus.ACCEPTED)
	LetterQueued write(@PathVariable long id, @RequestBody NewLetter letter, Authentication authentication) {
		String recipient = this.letters.send(id, authentication.getName(), letter.party(),
				(letter.reportId() != null) ? letter.reportId() : 0, letter.subject(), letter.body(), letter.key());
		return new LetterQueued(recipient, "queued");
	}

	/**
	 * @param nextAfter pass as {@code after} for the next page; null on the last
	 */
	record CorrespondencePage(List<CorrespondenceStore.CorrespondenceEntry> messages, Long nextAfter) {

	}

	@GetMapping("/api/v1/cases/{id}/correspondence")
	CorrespondencePage list(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and 200.");
		}
		boolean seesReporter = Role.of(authentication)
			.map((role) -> role == Role.SENIOR || role == Role.LEGAL || role == Role.ADMIN)
			.orElse(false);
		List<CorrespondenceStore.CorrespondenceEntry> rows = this.store.ofCase(id, after, limit)
			.stream()
			.map((entry) -> (seesReporter || !entry.party().equals("reporter")) ? entry
					: new CorrespondenceStore.CorrespondenceEntry(entry.id(), entry.caseId(), entry.reportId(),
							entry.mailMessageId(), entry.outboxMessageId(), entry.kind(), entry.party(), null, null,
							"(withheld: written by the reporter)", entry.receivedAt()))
			.toList();
		if (rows.isEmpty() && after == 0 && this.letters.recipients(id).isEmpty()) {
			// no case at all is not a case nobody wrote back on
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + id);
		}
		return new CorrespondencePage(rows, (rows.size() == limit) ? rows.get(rows.size() - 1).id() : null);
	}

}
