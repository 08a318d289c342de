package org.abusedesk.console;

import org.abusedesk.cases.Actor;
import org.abusedesk.identity.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in staff member as the case-work API names them. */
final class ConsoleActor {

	private ConsoleActor() {
	}

	static Actor of(Authentication authentication) {
		Role role = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> Role.fromWire(authority.substring("ROLE_".length())))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("A staff member without a role"));
		return new Actor(authentication.getName(), role);
	}

}
