package org.abusedesk.cases.internal;

import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Declaring an emergency on a case, and approving or refusing it. */
@RestController
class EmergencyController {

	record Declaration(String justification) {
	}

	record Approval(String decision, String reason) {
	}

	private final Emergencies emergencies;

	EmergencyController(Emergencies emergencies) {
		this.emergencies = emergencies;
	}

	@PostMapping("/api/v1/cases/{id}/emergency")
	Emergencies.Declared declare(@PathVariable long id, @RequestBody Declaration declaration, Authentication staff) {
		return this.emergencies.declare(id, actor(staff), declaration.justification());
	}

	/** The caller as case work names them, with the role their token carries. */
	private static Actor actor(Authentication staff) {
		return Role.of(staff).map((role) -> new Actor(staff.getName(), role)).orElse(null);
	}

	@PostMapping("/api/v1/cases/{id}/approvals")
	Emergencies.Answered answer(@PathVariable long id, @RequestBody Approval approval, Authentication staff) {
		return this.emergencies.answer(id, staff.getName(), approval.decision(), approval.reason());
	}

}
