package org.abusedesk.cases.internal;

import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A reviewer confirms phishing or malware on a case (issue 19). */
@RestController
class ConfirmationController {

	record Confirmation(String fact, String checked) {
	}

	private final Confirmations confirmations;

	ConfirmationController(Confirmations confirmations) {
		this.confirmations = confirmations;
	}

	@PostMapping("/api/v1/cases/{id}/confirmations")
	@ResponseStatus(HttpStatus.CREATED)
	Confirmations.Confirmed confirm(@PathVariable long id, @RequestBody(required = false) Confirmation confirmation,
			Authentication staff) {
		Confirmation given = (confirmation != null) ? confirmation : new Confirmation(null, null);
		return this.confirmations.confirm(id, actor(staff), given.fact(), given.checked());
	}

	/** The caller as case work names them, with the role their token carries. */
	private static Actor actor(Authentication staff) {
		return Role.of(staff).map((role) -> new Actor(staff.getName(), role)).orElse(null);
	}

}
