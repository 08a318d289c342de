package org.abusedesk.mailbox.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.audit.AuditLog;
import org.abusedesk.intake.ReportType;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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

	private final MailStore store;

	private final AuditLog audit;

	TypeTriageController(MailStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/**
	 * @param reports oldest first, those still without a type picked
	 * @param nextAfter pass as {@code after} for the next page; null on the last
	 */
	record UnclearPage(List<MailStore.UnclearRow> reports, Long nextAfter) {

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
		List<MailStore.UnclearRow> rows = this.store.unclear(after, limit);
		return new UnclearPage(rows, (rows.size() == limit) ? rows.get(rows.size() - 1).reportId() : null);
	}

	/** Picks the type of a flagged report; the flag is cleared and the choice audited. */
	@PostMapping("/api/v1/intake/unclear/{id}")
	@Transactional
	MailStore.UnclearRow choose(@PathVariable long id, @RequestBody(required = false) TypeChoice choice,
			Authentication authentication) {
		if (choice == null || choice.type() == null) {
			throw new InvalidInputException("type", "required", "Name the report type.");
		}
		ReportType type = ReportType.fromWire(choice.type())
			.orElseThrow(() -> new InvalidInputException("type", "unsupported_type",
					"There is no report type '" + choice.type() + "'."));
		String from = this.store.chooseType(id, type.wire(), authentication.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No report " + id + " waiting for its type"));
		this.audit.append("report:" + id, authentication.getName(), "report.type_chosen",
				Map.of("from", from, "to", type.wire(), "flag", "type_unclear"));
		return this.store.unclearRow(id).orElseThrow();
	}

}
