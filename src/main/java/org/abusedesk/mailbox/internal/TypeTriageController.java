package org.abusedesk.mailbox.internal;

import java.util.List;

import org.abusedesk.mailbox.MailTriage;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports filed from messages that did not say what kind of abuse they report (flagged
 * {@code type_unclear}): staff list them and pick the type.
 */
@RestController
class TypeTriageController {

	private final MailTriage triage;

	TypeTriageController(MailTriage triage) {
		this.triage = triage;
	}

	/**
	 * @param reports oldest first, those still without a type picked
	 * @param nextAfter pass as {@code after} for the next page; null on the last
	 */
	record UnclearPage(List<MailTriage.UnclearReport> reports, Long nextAfter) {

	}

	/**
	 * @param type the report type picked (wire value)
	 */
	record TypeChoice(String type) {

	}

	@GetMapping("/api/v1/intake/unclear")
	UnclearPage list(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "out_of_range", "Between 1 and 200.");
		}
		List<MailTriage.UnclearReport> rows = this.triage.unclear(after, limit);
		return new UnclearPage(rows, (rows.size() == limit) ? rows.get(rows.size() - 1).reportId() : null);
	}

	/**
	 * Picks the type of a flagged report: the flag is cleared, the choice audited, and
	 * the report decided by the policy as a report of that type.
	 */
	@PostMapping("/api/v1/intake/unclear/{id}")
	MailTriage.UnclearReport choose(@PathVariable long id, @RequestBody(required = false) TypeChoice choice,
			Authentication authentication) {
		if (choice == null || choice.type() == null) {
			throw new InvalidInputException("type", "required", "Name the report type.");
		}
		ReportType type = ReportType.fromWire(choice.type())
			.orElseThrow(() -> new InvalidInputException("type", "unsupported_type",
					"There is no report type '" + choice.type() + "'."));
		return this.triage.pickType(id, type, authentication.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No report " + id + " waiting for its type"));
	}

}
