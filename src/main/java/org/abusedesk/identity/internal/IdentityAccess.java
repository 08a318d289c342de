package org.abusedesk.identity.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may issue and revoke tokens, and the desk's own endpoints: its health and the
 * OpenAPI document for anyone, its metrics for admins.
 */
@Component
class IdentityAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(Access.only(Role.ADMIN, HttpMethod.POST, "/api/v1/customer-tokens"),
				Access.only(Role.ADMIN, HttpMethod.DELETE, "/api/v1/customer-tokens/*", "/api/v1/staff-tokens/*"),
				Access.only(Role.ADMIN, HttpMethod.GET, "/api/v1/staff-tokens"),
				Access.anyone(HttpMethod.GET, "/api/openapi", "/api/openapi/**"),
				Access.anyone(null, "/actuator/health", "/actuator/health/**"),
				Access.only(Role.ADMIN, null, "/actuator/prometheus"));
	}

}
