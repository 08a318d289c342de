package org.abusedesk.appeals.internal;

import java.util.List;
import java.util.Map;

import org.abusedesk.access.Role;

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
 * Measures against repeat infringers ({@link AccountMeasures}):
 * <ul>
 * <li>{@code GET /api/v1/account-measures}: the open proposals, oldest first (every staff
 * role); {@code ?account_ref=} every measure of one account;</li>
 * <li>{@code GET /api/v1/account-measures/{id}};</li>
 * <li>{@code POST /api/v1/account-measures/{id}/decision} {@code {"decision":
 * "confirmed"|"declined", "reason"}} (senior, admin).</li>
 * </ul>
 */
@RestController
class AccountMeasureController {

	private static final int LIST_LIMIT = 500;

	/**
	 * Named apart from the policy's {@code Decision}: the OpenAPI document names schemas
	 * by simple name.
	 */
	record MeasureDecision(String decision, String reason) {
	}

	private final AccountMeasures measures;

	AccountMeasureController(AccountMeasures measures) {
		this.measures = measures;
	}

	@GetMapping("/api/v1/account-measures")
	Map<String, List<AccountMeasures.Measure>> list(
			@RequestParam(name = "account_ref", required = false) String accountRef) {
		return Map.of("account_measures",
				this.measures.list((accountRef == null || accountRef.isBlank()) ? null : accountRef, LIST_LIMIT));
	}

	@GetMapping("/api/v1/account-measures/{id}")
	AccountMeasures.Measure measure(@PathVariable long id) {
		return this.measures.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account measure " + id));
	}

	@PostMapping("/api/v1/account-measures/{id}/decision")
	AccountMeasures.Measure decide(@PathVariable long id, @RequestBody MeasureDecision decision, Authentication staff) {
		return this.measures.decide(id, staff.getName(), Role.of(staff).orElse(null), decision.decision(),
				decision.reason());
	}

}
