package org.abusedesk.intake.internal;

import java.util.List;

import org.abusedesk.access.Access;
import org.abusedesk.access.AccessRules;
import org.abusedesk.access.Role;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may file reports and read their status, and who manages reporter tokens. */
@Component
class IntakeAccess implements AccessRules {

	@Override
	public List<Access> api() {
		return List.of(
				// anyone may report; a reporter token raises the limits, a batch needs
				// one
				// (BatchController checks)
				Access.anyone(HttpMethod.POST, "/api/v1/reports/*", "/api/v1/reports:batch"),
				// the status page proves the status secret itself
				Access.anyone(HttpMethod.GET, "/api/v1/reports/status/*"),
				Access.only(Role.ADMIN, null, "/api/v1/reporter-tokens", "/api/v1/reporter-tokens/*"));
	}

}
