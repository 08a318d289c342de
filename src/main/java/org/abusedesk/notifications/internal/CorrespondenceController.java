package org.abusedesk.notifications.internal;

import java.util.List;

import org.abusedesk.identity.Role;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's correspondence: what the host, the owner and the reporter wrote back. What a
 * reporter wrote names them, so only the roles that see reporters (senior, legal, admin)
 * see its sender and words.
 */
@RestController
class CorrespondenceController {

	private final CorrespondenceStore store;

	CorrespondenceController(CorrespondenceStore store) {
		this.store = store;
	}

	/**
	 * @param nextAfter pass as {@code after} for the next page; null on the last
	 */
	record CorrespondencePage(List<CorrespondenceStore.Entry> messages, Long nextAfter) {

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
		List<CorrespondenceStore.Entry> rows = this.store.ofCase(id, after, limit)
			.stream()
			.map((entry) -> (seesReporter || !entry.party().equals("reporter")) ? entry
					: new CorrespondenceStore.Entry(entry.id(), entry.caseId(), entry.reportId(), entry.mailMessageId(),
							entry.outboxMessageId(), entry.kind(), entry.party(), null, null,
							"(withheld: written by the reporter)", entry.receivedAt()))
			.toList();
		return new CorrespondencePage(rows, (rows.size() == limit) ? rows.get(rows.size() - 1).id() : null);
	}

}
