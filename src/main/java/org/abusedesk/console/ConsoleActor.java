package org.abusedesk.console;

import org.abusedesk.cases.Actor;
import org.abusedesk.access.Role;

import org.springframework.security.core.Authentication;

/** The signed-in staff member as the case-work API names them. */
final class ConsoleActor {

	private ConsoleActor() {
	}

	static Actor of(Authentication authentication) {
		Role role = Role.of(authentication)
			.orElseThrow(() -> new IllegalStateException("A staff member without a role"));
		return new Actor(authentication.getName(), role);
	}

}
