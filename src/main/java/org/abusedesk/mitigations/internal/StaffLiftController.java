package org.abusedesk.mitigations.internal;

import java.util.Set;

import org.abusedesk.mitigations.Mitigations.Mitigation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff lift a mitigation after review: {@code POST /api/v1/mitigations/{id}/lift}
 * {@code {"reason": "..."}} (reviewer, senior, legal, admin; legal, emergency and CSAM
 * blocks: senior, legal, admin). The edge drops it with the next change it reads.
 */
@RestController
class StaffLiftController {

	static final Set<String> MAY_LIFT_PROTECTED = Set.of("ROLE_senior", "ROLE_legal", "ROLE_admin");

	record Lift(String reason) {
	}

	private final StaffLifts lifts;

	StaffLiftController(StaffLifts lifts) {
		this.lifts = lifts;
	}

	@PostMapping("/api/v1/mitigations/{id}/lift")
	MitigationView lift(@PathVariable long id, @RequestBody Lift lift, Authentication staff) {
		boolean mayLiftProtected = staff.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(MAY_LIFT_PROTECTED::contains);
		Mitigation lifted = this.lifts.lift(id, staff.getName(), mayLiftProtected, lift.reason())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mitigation " + id));
		return MitigationView.of(lifted);
	}

}
