package org.abusedesk.appeals.internal;

import java.util.List;
import java.util.Set;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may appeal, decide appeals and counter-notices, and decide measures against
 * accounts.
 */
@Component
class AppealAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(
				// the reporter's appeal and the DMCA complainant's notice of an action
				// filed
				// prove the report's status secret in the body (issue 13)
				Access.anyone(HttpMethod.POST, "/api/v1/reports/status/*/appeal",
						"/api/v1/reports/status/*/action-filed"),
				Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/appeals", "/api/v1/appeals/*"),
				Access.only(Access.DECIDERS, HttpMethod.POST, "/api/v1/appeals/*/decision", "/api/v1/reporter-strikes"),
				Access.only(Access.STAFF, HttpMethod.GET, "/api/v1/account-measures", "/api/v1/account-measures/*"),
				// measures against repeat infringers: always a senior's decision
				Access.only(Set.of(Role.SENIOR, Role.ADMIN), HttpMethod.POST, "/api/v1/account-measures/*/decision"));
	}

}
