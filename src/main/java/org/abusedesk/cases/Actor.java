package org.abusedesk.cases;

import java.util.Arrays;

import org.abusedesk.access.Role;

/**
 * The staff member acting on a case, as the caller authenticated them.
 *
 * @param name the staff user's unique name
 * @param role the staff user's role
 */
public record Actor(String name, Role role) {

	/** Whether the actor has one of these roles. */
	public boolean isAny(Role... roles) {
		return Arrays.asList(roles).contains(this.role);
	}

	/** The actor as the audit log names it. */
	public String audit() {
		return "staff:" + this.name;
	}

}
