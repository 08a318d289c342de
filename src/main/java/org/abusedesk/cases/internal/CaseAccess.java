package org.abusedesk.cases.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may read cases, confirm material, declare emergencies and approve them. */
@Component
class CaseAccess implements AccessRules {

	private static final Set<Role> CONFIRMERS = Set.of(Role.REVIEWER, Role.SENIOR, Role.ADMIN);

	@Override
	public List<Access> api() {
		return List.of(Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/*"),
				Access.only(CONFIRMERS, HttpMethod.POST, "/api/v1/cases/*/emergency", "/api/v1/cases/*/confirmations"),
				Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/cases/*/approvals"));
	}

}
