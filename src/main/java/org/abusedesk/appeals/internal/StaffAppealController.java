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
 * Staff work appeals:
 * <ul>
 * <li>{@code GET /api/v1/appeals}: the open appeals, the one due first first (every staff
 * role); {@code ?case_id=} every appeal of one case;</li>
 * <li>{@code GET /api/v1/appeals/{id}};</li>
 * <li>{@code POST /api/v1/appeals/{id}/decision} {@code {"outcome", "reason"}} (reviewer,
 * senior, legal, admin; never one who took part in the decision).</li>
 * </ul>
 */
@RestController
class StaffAppealController {

	private static final int LIST_LIMIT = 500;

	/**
	 * Named apart from the policy's {@code Decision}: the OpenAPI document names schemas
	 * by simple name.
	 */
	record AppealDecision(String outcome, String reason) {
	}

	private final AppealStore appeals;

	private final AppealDecisions decisions;

	StaffAppealController(AppealStore appeals, AppealDecisions decisions) {
		this.appeals = appeals;
		this.decisions = decisions;
	}

	@GetMapping("/api/v1/appeals")
	Map<String, List<Appeal>> queue(@RequestParam(name = "case_id", required = false) Long caseId) {
		return Map.of("appeals", (caseId != null) ? this.appeals.ofCase(caseId) : this.appeals.open(LIST_LIMIT));
	}

	@GetMapping("/api/v1/appeals/{id}")
	Appeal appeal(@PathVariable long id) {
		return this.appeals.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + id));
	}

	@PostMapping("/api/v1/appeals/{id}/decision")
	Appeal decide(@PathVariable long id, @RequestBody AppealDecision decision, Authentication staff) {
		return this.decisions
			.decide(id, staff.getName(), Role.of(staff).orElse(null), decision.outcome(), decision.reason())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No appeal " + id));
	}

}
