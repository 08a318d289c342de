package org.abusedesk.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.abusedesk.problems.FieldError;
import org.abusedesk.problems.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins list and revoke staff tokens. The secret and its hash are never shown; a revoked
 * token is refused from the next request on (every request looks its token up).
 */
@RestController
class StaffTokenController {

	static final int MAX_LIMIT = 1000;

	private final StaffTokenStore tokens;

	StaffTokenController(StaffTokenStore tokens) {
		this.tokens = tokens;
	}

	/**
	 * Newest first; {@code before} (an id) pages on.
	 */
	@GetMapping("/api/v1/staff-tokens")
	List<StaffTokenStore.StaffTokenView> list(@RequestParam(required = false) String before,
			@RequestParam(required = false) String limit) {
		List<FieldError> errors = new ArrayList<>();
		long beforeId = number(errors, "before", before, Long.MAX_VALUE, Long.MAX_VALUE);
		long max = number(errors, "limit", limit, 100, MAX_LIMIT);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return this.tokens.list(beforeId, (int) max);
	}

	private static long number(List<FieldError> errors, String field, String value, long otherwise, long max) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= 1 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		errors.add(new FieldError(field, "out_of_range", "A whole number from 1 to " + max + "."));
		return otherwise;
	}

	/**
	 * Revokes a live token: 404 for an unknown or revoked one, 409 for the last live
	 * token of an admin (rotate {@code ABUSEDESK_ADMIN_TOKEN} instead, which revokes the
	 * old one).
	 */
	@DeleteMapping("/api/v1/staff-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, Authentication admin) {
		switch (this.tokens.revoke(id, "staff:" + admin.getName())) {
			case REVOKED -> {
			}
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No live staff token " + id);
			case LAST_ADMIN_TOKEN -> throw new ResponseStatusException(HttpStatus.CONFLICT,
					"This is the last live admin token; rotate ABUSEDESK_ADMIN_TOKEN to replace it.");
		}
	}

}
